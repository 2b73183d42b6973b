"""The site: what composes the apps into one site and so reads several of them.

It stands above every app (districts, makers, requests, schools, impact), as the rest of the
`cultuur` package stands below them: the root URLconf, the API router, the district page, demo
seeding and the bench's floor views. No app imports it (the import contracts in `.importlinter`).
"""
