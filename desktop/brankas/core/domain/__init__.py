"""The users world: kecamatan, terms, people, accounts, custody, handover, review rules."""
