#!/usr/bin/env bash
# Coverage-guided fuzzing with Jazzer of the three protocol decoders, each fuzz test for the maxDuration it declares
# (60 s): chat-service's XML stream parser with its limits (XmlStreamParserFuzzTest), kv-service's RESP request
# decoder (RespRequestDecoderFuzzTest) and http-service's request reading and validation
# (RequestValidationFuzzTest). A finding (the crashing input) is written beside that test's seed corpus under
# src/test/resources/.../<Test>Inputs/, where the normal test suite (mvn verify) replays it; that replay takes
# seconds. The generated corpus goes to <module>/.cifuzz-corpus/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
# The test suite replays the corpus without Jazzer's hooks (junit-platform.properties); fuzzing wants them.
JAZZER_FUZZ=1 mvn -q -o verify -pl chat-service,kv-service,http-service -am -Dtest='*FuzzTest' \
    -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -DargLine=-Djazzer.hooks=true
