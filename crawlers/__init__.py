"""Scrapy project: one spider per source, the pipeline into the store, and the sample site.

Imports point down only: ``crawlers`` may use ``store`` and ``config``, never the
analysis, responder or web packages (DESIGN §3).
"""
