"""The HTTP API: a FastAPI app built by :func:`tenhands.api.app.create_app`.

Run it with ``uvicorn --factory tenhands.api.app:create_app``.
"""
