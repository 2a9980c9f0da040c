import Foundation
import Testing

/// Static checks of `deploy/compose.yaml` (and the `deploy/Dockerfile` it builds): the same stack as `scripts/dev`,
/// with Apache Kafka in KRaft mode and replicas. Nothing is started; `docker` is not needed.
@Suite("deploy/compose.yaml")
struct ComposeFileTests {
    static let services = StackService.allCases.map(\.name)

    /// Settings `scripts/dev` gives only to the local stack: Tansu makes a consumer group's first join wait for the
    /// whole rebalance timeout, so the local stack shortens `max.poll.interval.ms`; Apache Kafka does not need it.
    /// Settings only the local stack needs: Tansu's quirks (a group's first join, a fetch that waits out its maximum).
    static let localOnlySettings: Set<String> = ["KAFKA_PROPERTY_MAX_POLL_INTERVAL_MS", "KAFKA_CONSUMER_PROPERTY_FETCH_WAIT_MAX_MS"]

    let compose: ComposeFile

    init() throws {
        self.compose = try ComposeFile.load()
    }

    @Test("the five services exist, each with at least one replica")
    func servicesAndReplicas() throws {
        for name in Self.services {
            let service = try #require(self.compose.service(name), "service \(name) is missing")
            let replicas = try #require(service.replicas, "\(name): deploy.replicas is not set")
            #expect(replicas >= 1, "\(name): deploy.replicas is \(replicas)")
        }
    }

    @Test("each service logs in with its own role and schema")
    func ownDatabaseRoles() throws {
        var users: Set<String> = []
        for service in StackService.allCases {
            let environment = try #require(self.compose.service(service.name)).environment
            #expect(environment["DATABASE_USER"] == service.schema, "\(service): DATABASE_USER")
            #expect(environment["DATABASE_SCHEMA"] == service.schema, "\(service): DATABASE_SCHEMA")
            #expect(
                environment["DATABASE_PASSWORD"]?.contains("${GRIDLOOP_DB_PASSWORD_\(service.schema.uppercased())") == true,
                "\(service): DATABASE_PASSWORD must be its own role's password")
            users.insert(environment["DATABASE_USER"] ?? "")
        }
        #expect(users.count == StackService.allCases.count)
    }

    @Test("every setting scripts/dev gives a service is set in compose", arguments: StackService.allCases)
    func settingsOfTheLocalStack(service: StackService) async throws {
        let stateDirectory = NSTemporaryDirectory() + "gridloop-compose-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: stateDirectory) }
        var environment = ProcessInfo.processInfo.environment
        environment["GRIDLOOP_STATE_DIR"] = stateDirectory
        let script = DevScript(
            executable: RepositoryPaths.path("scripts/dev"), environment: environment,
            logFile: stateDirectory + "/harness.log")
        let output = try await script.run(["env", service.name], timeout: .seconds(30))
        let localKeys = Set(output.split(separator: "\n").compactMap { line -> String? in
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { return nil }
            return String(line[..<equals])
        })
        #expect(localKeys.contains("DATABASE_USER"), "scripts/dev env printed no settings: \(output)")
        let composeKeys = Set(try #require(self.compose.service(service.name)).environment.keys)
        let missing = localKeys.subtracting(composeKeys).subtracting(Self.localOnlySettings)
        #expect(missing.isEmpty, "\(service) lacks \(missing.sorted()) in compose.yaml")
    }

    @Test("every setting docs/configuration.md marks required is set", arguments: StackService.allCases)
    func requiredSettingsOfTheDocumentation(service: StackService) throws {
        let document = try ConfigurationDocument.load()
        #expect(document.requiredByAll.contains("DATABASE_HOST"), "the documentation's tables were not read")
        let required = document.requiredByAll.union(document.requiredByService[service.name] ?? [])
        let environment = try #require(self.compose.service(service.name)).environment
        let missing = required.filter { (environment[$0] ?? "").isEmpty }
        #expect(missing.isEmpty, "\(service) lacks required \(missing.sorted())")
        let hasKey = !(environment["AUTH_JWT_SECRET"] ?? "").isEmpty || !(environment["AUTH_JWT_PUBLIC_KEY_PEM"] ?? "").isEmpty
        #expect(hasKey, "\(service) needs AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY_PEM")
        let unknown = Set(environment.keys).subtracting(document.described).filter { !$0.hasPrefix("KAFKA_PROPERTY_") }
        #expect(unknown.isEmpty, "\(service) sets settings docs/configuration.md does not describe: \(unknown.sorted())")
    }

    @Test("Kafka is Apache Kafka in KRaft mode")
    func kafkaInKRaftMode() throws {
        let kafka = try #require(self.compose.service("kafka"))
        #expect(kafka.image?.hasPrefix("apache/kafka:") == true, "image \(kafka.image ?? "none")")
        let environment = kafka.environment
        let roles = Set((environment["KAFKA_PROCESS_ROLES"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(roles == ["broker", "controller"], "KAFKA_PROCESS_ROLES \(roles)")
        #expect(!(environment["KAFKA_CONTROLLER_QUORUM_VOTERS"] ?? "").isEmpty)
        #expect(!(environment["KAFKA_CONTROLLER_LISTENER_NAMES"] ?? "").isEmpty)
        #expect(environment.keys.allSatisfy { !$0.contains("ZOOKEEPER") }, "KRaft needs no ZooKeeper")
        #expect(self.compose.serviceNames.allSatisfy { !$0.contains("zookeeper") })
        #expect(environment["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false", "topics come from deploy/topics.conf only")
        #expect(kafka.healthcheckCommand?.contains("9092") == true, "the broker needs a healthcheck")
        for service in Self.services {
            #expect(self.compose.service(service)?.environment["KAFKA_BROKERS"] == "kafka:9092", "\(service): KAFKA_BROKERS")
        }
    }

    @Test("PostgreSQL is the PostGIS image, with a healthcheck")
    func postGIS() throws {
        let postgres = try #require(self.compose.service("postgres"))
        #expect(postgres.image?.hasPrefix("postgis/postgis:15") == true, "image \(postgres.image ?? "none")")
        #expect(postgres.healthcheckCommand?.contains("pg_isready") == true)
        for service in Self.services {
            #expect(self.compose.service(service)?.environment["DATABASE_HOST"] == "postgres", "\(service): DATABASE_HOST")
        }
    }

    @Test("the topic job creates every topic of deploy/topics.conf with its partitions and configs")
    func topicJobCreatesEveryTopic() throws {
        let job = try #require(self.compose.service("kafka-init"))
        #expect(job.image == self.compose.service("kafka")?.image, "the job uses the broker's image (its kafka-topics.sh)")
        #expect(job.dependsOn["kafka"] == "service_healthy")
        let mounted = try #require(job.mountTarget(ofSource: "./topics.conf"), "deploy/topics.conf is not mounted")
        let calls = try TopicJobRun.run(job: job, topicsFileInContainer: mounted)
        let expected = try TopicsFile.load().topics
        #expect(calls.count == expected.count, "kafka-topics.sh calls: \(calls)")
        for topic in expected {
            let call = try #require(calls.first { $0.topic == topic.name }, "\(topic.name) is not created")
            #expect(call.partitions == topic.partitions, "\(topic.name): partitions")
            #expect(call.configs == topic.configs, "\(topic.name): configs")
            #expect(call.arguments.contains("--create") && call.arguments.contains("--if-not-exists"))
            #expect(call.arguments.contains("kafka:9092"))
        }
    }

    @Test("the database job runs deploy/postgres/provision.sh with every role's password")
    func databaseJobProvisions() throws {
        let job = try #require(self.compose.service("db-init"))
        let mounted = try #require(job.mountTarget(ofSource: "./postgres/provision.sh"), "provision.sh is not mounted")
        #expect(job.entrypoint.contains(mounted), "entrypoint \(job.entrypoint) does not run \(mounted)")
        #expect(job.dependsOn["postgres"] == "service_healthy")
        #expect(job.image?.hasPrefix("postgis/postgis:") == true, "the job needs psql")
        let provision = try RepositoryPaths.text("deploy/postgres/provision.sh")
        let roles = try #require(provision.firstMatch(of: /roles=\(([a-z_ ]+)\)/)).1.split(separator: " ")
        #expect(roles.count == StackService.allCases.count)
        let environment = job.environment
        for role in roles {
            #expect(!(environment["GRIDLOOP_DB_PASSWORD_\(role.uppercased())"] ?? "").isEmpty, "db-init lacks \(role)'s password")
        }
        #expect(environment["GRIDLOOP_DATABASE"] == self.compose.service("intake")?.environment["DATABASE_NAME"])
        #expect(environment["PGHOST"] == "postgres")
    }

    @Test("services start after healthy PostgreSQL and Kafka and the finished init jobs", arguments: StackService.allCases)
    func servicesWaitForTheirInfrastructure(service: StackService) throws {
        let dependsOn = try #require(self.compose.service(service.name)).dependsOn
        #expect(dependsOn["postgres"] == "service_healthy", "\(service) → postgres: \(dependsOn)")
        #expect(dependsOn["kafka"] == "service_healthy", "\(service) → kafka: \(dependsOn)")
        #expect(dependsOn["db-init"] == "service_completed_successfully", "\(service) → db-init: \(dependsOn)")
        #expect(dependsOn["kafka-init"] == "service_completed_successfully", "\(service) → kafka-init: \(dependsOn)")
    }

    @Test("each service has a healthcheck on /health/ready of its HTTP port", arguments: StackService.allCases)
    func healthchecks(service: StackService) throws {
        let definition = try #require(self.compose.service(service.name))
        let command = try #require(definition.healthcheckCommand, "\(service) has no healthcheck")
        let port = try #require(definition.environment["HTTP_PORT"])
        #expect(command.contains("127.0.0.1:\(port)/health/ready") || command.contains("localhost:\(port)/health/ready"), "\(command)")
    }

    @Test("each service is built from deploy/Dockerfile as its own executable", arguments: StackService.allCases)
    func imagesBuildTheExecutables(service: StackService) throws {
        let definition = try #require(self.compose.service(service.name))
        let build = try #require(definition.build, "\(service) has no build section")
        let context = URL(fileURLWithPath: "\(self.compose.directory)/\(build.context)").standardizedFileURL.path
        #expect(context == URL(fileURLWithPath: RepositoryPaths.root).standardizedFileURL.path, "build context \(context)")
        #expect(FileManager.default.fileExists(atPath: "\(context)/\(build.dockerfile)"), "\(build.dockerfile) does not exist")
        #expect(build.args["SERVICE"] == service.name)
        let package = try RepositoryPaths.text("Package.swift")
        #expect(package.contains("(\"\(service.name)\","), "Package.swift declares no executable \(service.name)")
    }

    @Test("deploy/Dockerfile builds the product named by SERVICE from every folder Package.swift needs")
    func dockerfileCopiesThePackage() throws {
        let dockerfile = try RepositoryPaths.text("deploy/Dockerfile")
        #expect(dockerfile.contains("--product \"${SERVICE}\""))
        let copied = Set(dockerfile.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard words.first == "COPY", words.count >= 3, !words[1].hasPrefix("--") else { return nil }
            return String(words[1])
        })
        let package = try RepositoryPaths.text("Package.swift")
        let folders = Set(package.matches(of: /path: "([A-Za-z]+)\//).map { String($0.1) })
        #expect(folders.isSuperset(of: ["Shared", "Services", "Tests"]), "read \(folders) from Package.swift")
        let missing = folders.subtracting(copied)
        #expect(missing.isEmpty, "Package.swift has targets under \(missing.sorted()) that the Dockerfile does not copy")
        #expect(copied.contains("Package.swift"))
        // The city (and the holiday calendars beside it) are in the image where GRIDLOOP_CITY_DIR points.
        #expect(dockerfile.contains("COPY deploy/sample-city /srv/city"))
        #expect(dockerfile.contains("COPY deploy/calendar /srv/calendar"), "sla-monitor and routing read deploy/calendar")
        for service in Self.services {
            #expect(self.compose.service(service)?.environment["GRIDLOOP_CITY_DIR"] == "/srv/city")
        }
        // Every path a service is pointed at in the image (/srv/…) is copied there.
        let targets = dockerfile.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            return words.first == "COPY" && words.count == 3 && words[2].hasPrefix("/srv/") ? String(words[2]) : nil
        }
        for service in Self.services {
            for (key, value) in self.compose.service(service)?.environment ?? [:] where value.hasPrefix("/srv/") {
                #expect(targets.contains { value == $0 || value.hasPrefix($0 + "/") }, "\(service): \(key)=\(value) is not in the image")
            }
        }
    }

    @Test("deploy/.env.example names every variable compose needs without a default")
    func environmentExample() throws {
        let example = try RepositoryPaths.text("deploy/.env.example")
        let defined = Set(example.split(separator: "\n").compactMap { line -> String? in
            guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { return nil }
            return String(line[..<equals])
        })
        let needed = self.compose.interpolatedVariables.filter { !$0.value }.keys
        #expect(!needed.isEmpty)
        let missing = Set(needed).subtracting(defined)
        #expect(missing.isEmpty, "deploy/.env.example lacks \(missing.sorted())")
    }
}
