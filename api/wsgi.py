"""The WSGI entry point: `gunicorn -c api/gunicorn_conf.py api.wsgi:app`."""

from . import create_app

app = create_app()
