package cli

import (
	"context"
	"fmt"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/ingest"
	"github.com/fulcrum-dev/fulcrum/internal/store"
)

const ingestUsage = `Usage: fulcrum ingest [options] FILE|DIR|URL|- ...

Read documents, code their events and store both in the database. Ingest is
idempotent (the same text is stored once, under the same ids) and
transactional (a document is stored whole or not at all). Corrections made
in the dashboard survive re-ingesting a document.

Examples:
  fulcrum ingest brief.pdf notes/ https://example.org/feed.xml
  fulcrum --db work.duckdb ingest --source BLR speech.txt`

func runIngest(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "ingest", ingestUsage)
	cf := addCodingFlags(fs)
	pos, c, err := cf.parse(env, fs, "ingest", args)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, env)
	if err != nil {
		if srv, ok := runningServer(err); ok {
			// fulcrum serve holds the database: it stores the documents.
			return ingestViaServer(ctx, env, srv, pos, cf.author())
		}
		return err
	}
	defer st.Close()
	r := ingest.New(ingest.Options{Author: cf.author()})
	p := newProgress(env.Stderr)
	var docs, added, events int
	var storeErrs []error
	// Documents are stored in batches (one transaction each, about twice as
	// fast as one by one); when a batch fails, its documents are stored one
	// at a time so that only the bad one is lost and named.
	var batch []store.Ingest
	flush := func() {
		if len(batch) == 0 {
			return
		}
		ok, err := st.PutDocuments(ctx, batch)
		if err != nil {
			ok = make([]bool, len(batch))
			for i, it := range batch {
				a, err := st.PutDocument(ctx, it.Doc, it.Events)
				if err != nil {
					storeErrs = append(storeErrs, fmt.Errorf("store %s: %w", it.Doc.Source, err))
					ok[i] = false
					docs--
					continue
				}
				ok[i] = a
			}
		}
		for i, a := range ok {
			if a {
				added++
				events += len(batch[i].Events)
			}
		}
		batch = batch[:0]
	}
	errs := r.Read(ctx, pos, env.Stdin, func(d doc.Document) error {
		batch = append(batch, store.Ingest{Doc: d, Events: c.Code(d)})
		docs++
		if len(batch) == ingestBatch {
			flush()
		}
		p.Printf("%d documents read, %d new, %d events", docs, added, events)
		return nil
	})
	flush()
	p.Done()
	fmt.Fprintf(env.Stdout, "%d documents read: %d new (%d events stored), %d already in %s\n",
		docs, added, events, docs-added, st.Path())
	return reportErrors(env, append(errs, storeErrs...))
}

// ingestBatch is how many documents one transaction stores.
const ingestBatch = 32
