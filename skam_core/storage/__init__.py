"""DuckDB storage: the connection, migrations, versioned reads/writes and all SQL of the product."""
