"""Dates as people read them, one format per language (``FORMAT_MODULE_PATH``).

Every date shown to a person goes through Django's named formats (``|date:"DATE_FORMAT"``,
``formats.date_format``), and these modules make each of them spell the month in words:
"01/12/2027" reads as January in English and December in French, "1 December 2027" cannot
be misread. Times are on the 24-hour clock in both languages, so that no "a.m." ends a
sentence with two full stops. Deadlines add their time zone (``core.templatetags.dates``).
"""
