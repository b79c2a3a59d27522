"""The assembly of the static site: MkDocs, the browser runtime (Pyodide and the wheels),
icons, the service worker, and the development server."""
