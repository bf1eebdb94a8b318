"""Domain vocabulary and rules of Strategic Key Account Management: plain Python, no I/O."""
