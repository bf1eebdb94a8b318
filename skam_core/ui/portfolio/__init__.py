"""Parts of the portfolio page (/)."""
