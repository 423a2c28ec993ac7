// Migration 024 (landed, so never edited) names `UUID` without importing Foundation. A debug
// build finds it through another file's imports; the whole-module release build does not. This
// makes `UUID` visible to every file of the module, so `swift build -c release` (the benchmark's
// build) compiles the migration exactly as it landed.
@_exported import struct Foundation.UUID
