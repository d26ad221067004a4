// Package datasets imports the public event datasets — GDELT 1.0 and 2.0,
// ICEWS and POLECAT/PLOVER — into DuckDB, deduplicates them and computes
// dyadic series in the engine.
//
// # Formats
//
// One file per format: gdelt.go ([ParseGDELT]: 61 columns for 2.0, 58 and
// 57 for 1.0, plain, .zip as distributed, or .gz), icews.go
// ([ICEWSLayout]: the Dataverse TSV with or without "CAMEO Code", quoted
// .tab variant, columns found by header name), polecat.go
// ([POLECATLayout] for the Dataverse TSV, [ParsePLOVERJSON] for JSON
// lines in the PLOVER manual's or NGEC's shape). [Detect] tells them apart
// from the first line; [ImportFile] rejects a file in another format than
// the one asked for with a [*FormatError] saying what it looks like.
//
// # Actors
//
// Actors map to fulcrum codes (DESIGN.md §3) by tables in data/: states by
// ISO3 code, CAMEO country code or English name and variants
// ([CountryCode]), organisations by CAMEO known-group code, PETRARCH IGO
// code or name ([GroupCode], [CAMEOActor], [NameCode]). GDELT uses the
// known-group code, then the country code ([GDELTActor]); ICEWS the actor's
// name, the organisation or state in its parenthesis, then its country
// ([ICEWSActor]). An actor that maps to nothing gets "" and keeps its
// original code or name in source_raw/target_raw.
//
// # Storage
//
// [Migrate] creates, in any DuckDB database:
//
//   - dataset_events: one row per source record, with the original fields
//     kept (ids, actor codes and names, counts, tone, place, URL,
//     DATEADDED) and the mapped ones (source, target, CAMEO weights from
//     fulcrum's table via [event.Lookup]). The id is origin:dataset id.
//   - dataset_imports: one row per file, keyed by content (SHA-256 of the
//     first 64 KiB and the size), with the byte offset and line committed.
//   - dataset_rejects: every bad row with its line number and reason.
//   - dataset_actor_codes, dataset_cameo: the code tables the SQL mapping
//     joins against, reloaded from the compiled-in tables on every Migrate.
//   - dataset_dedup: a view applying the deduplication rule.
//
// # Import paths
//
// GDELT files take the fast path by default: DuckDB's read_csv reads the
// file, typing the columns fulcrum stores (rows whose stored fields do not
// fit are rejected with their line numbers via store_rejects; like
// [ParseGDELT], it does not check columns it drops), and maps actors and
// codes in SQL with joins against the code tables, built on the code
// tables' side, in one transaction per file. The check that a record's id
// is not stored already runs only when GDELT records are stored. An
// interrupted fast import leaves nothing and starts the file again.
// Options.Checked, and every ICEWS and POLECAT file, take the checked path:
// a streaming Go parser (constant memory, any file size) writes mapped
// records to a staging file that DuckDB loads every Options.ChunkRows lines,
// in the same transaction as the byte offset reached; an interrupted import
// resumes after the last committed chunk. Both paths skip records whose id
// is already stored, so nothing is ever imported twice.
//
// # Deduplication rule
//
// Records of one origin with the same day, the same directed dyad (source,
// target), the same event code (CAMEO code, and PLOVER type and mode for
// PLOVER records) and the same place are one event. Place is GDELT's
// ActionGeo_FeatureID (else ActionGeo_FullName), ICEWS's city, district,
// province and country, POLECAT's GeoNames id (else place name); an
// unknown place is a place of its own (""). The event keeps reports (the
// number of records), and, for GDELT, the sums of NumMentions, NumSources
// and NumArticles. Records from different origins are never merged: each
// origin is a separate witness, and series say which origins they count.
//
// # Series
//
// [Series] aggregates the deduplicated events of one directed dyad (or
// every dyad of one actor) per day, ISO week, month or year, in one SQL
// GROUP BY: events, reports, events per quad class, net cooperation (the
// sum of Goldstein weights) and mean intensity (the mean Goldstein weight;
// ICEWS calls the weight "Intensity"). [ExportSeries] and [ExportEvents]
// write CSV or Parquet with DuckDB's COPY.
package datasets
