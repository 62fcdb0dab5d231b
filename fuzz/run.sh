#!/usr/bin/env bash
# Coverage-guided fuzzing of chat-service's XML stream parser with Jazzer, each fuzz test for the maxDuration it
# declares (60 s). Findings (the crashing input) are written beside the seed corpus, under
# chat-service/src/test/resources/.../XmlStreamParserFuzzTestInputs/, where the normal test suite replays them.
# The normal suite (mvn verify) only replays that corpus, in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
# The test suite replays the corpus without Jazzer's hooks (junit-platform.properties); fuzzing wants them.
JAZZER_FUZZ=1 mvn -q -o verify -pl chat-service -am -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -DskipITs -DargLine=-Djazzer.hooks=true
