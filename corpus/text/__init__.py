"""Text itself: code-point offsets, the raw-text map, tokens, the Simplified shadow, script and pinyin."""
