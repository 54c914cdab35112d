"""Import from spreadsheets and other password managers; export account registers."""
