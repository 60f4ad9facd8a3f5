// The test runner: doctest's main. Every other file in tests/unit holds the tests of one concept.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
