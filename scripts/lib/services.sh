# shellcheck shell=bash
# The five services of GridLoop: executable name, database role/schema, HTTP port offset.
# The HTTP port of a service is GRIDLOOP_HTTP_BASE_PORT (default 8081) + offset.
GRIDLOOP_SERVICES=(intake routing sla-monitor notification assessment)

service_schema() { echo "${1//-/_}"; }            # sla-monitor → sla_monitor (also its login role)
service_port_offset() {
  case $1 in intake) echo 0;; routing) echo 1;; sla-monitor) echo 2;; notification) echo 3;; assessment) echo 4;; esac
}
