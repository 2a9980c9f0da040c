
// TestSupport: starts real PostgreSQL databases and Tansu brokers for the tests, finds the checkout's
// files (RepositoryFiles, the sample city), and runs services and Kafka readers the way the tests need.
