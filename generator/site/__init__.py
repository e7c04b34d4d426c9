"""The site: page plans as Markdown (pages), lasting addresses (permalinks), HTML through the theme (render),
timeline.json (output) and the files on disk (writer)."""
