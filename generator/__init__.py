"""timeline: a static site generator for a chronology of official meetings.

The pipeline, top to bottom: read articles (reader) -> extract meetings
(extract) -> resolve events and officials across articles (resolve) ->
chronology -> timeline.json (output). `build.build()` runs it.
"""

__version__ = "0.1.0"
