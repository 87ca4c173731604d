


def quote_start(text: str, record: dict) -> int:
    """Where a gold record's quote stands in the document's text (its `occurrence`, first by default)."""
    pos = -1
    for _ in range(record.get("occurrence", 1)):
        pos = text.find(record["quote"], pos + 1)
    if pos < 0:
        raise ValueError(f"quote not found: {record['quote']!r}")
    return pos
