"""SQLCipher storage: connection, schema, migrations, repositories."""
