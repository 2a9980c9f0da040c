// TestSupport: starts real PostgreSQL databases and Tansu brokers for the tests.
