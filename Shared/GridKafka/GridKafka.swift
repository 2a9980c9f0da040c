// GridKafka: a thin Swift layer over librdkafka. See KafkaProducer, KafkaConsumer, KafkaAdmin.
import CRDKafka
