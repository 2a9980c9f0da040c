# shellcheck shell=bash
# Reads deploy/topics.conf: prints "name partitions configs…" per topic, comments and blanks removed.
topics_list() {
  local file=$1
  grep -v -E '^[[:space:]]*(#|$)' "$file" | awk '{ $1=$1; print }'
}
