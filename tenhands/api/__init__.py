"""The HTTP API: its routers, schemas, errors and the HTTP plumbing the web pages share
(signing in, access, dependencies). The app that serves it with the web pages is
:func:`tenhands.app.create_app`; run it with ``uvicorn --factory tenhands.app:create_app``.
"""
