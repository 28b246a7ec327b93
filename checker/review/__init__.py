"""`claimcheck review`: a local web app where editors decide on findings.

The app is Python's standard `http.server` bound to 127.0.0.1 with a small JSON API and
one page (HTML, CSS and vanilla JavaScript shipped in `checker/review/static/`, no network).
"""
