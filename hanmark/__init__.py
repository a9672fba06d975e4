"""Hanmark (汉标): the application shell: command line, GUI launch, paths, settings."""

APP_NAME = "Hanmark"
APP_NAME_ZH = "汉标"
APP_ID = "hanmark"
ORG_NAME = "Hanmark"
ORG_DOMAIN = "hanmark.app"
__version__ = "0.1.0"
