package store

import (
	"context"
	"database/sql"
	"fmt"
)

// scanner is what [sql.Row] and [sql.Rows] share.
type scanner interface{ Scan(dest ...any) error }

// page renders the LIMIT and OFFSET clauses of a listing; a limit or
// offset of zero (or less) leaves its clause out.
func page(limit, offset int) string {
	var s string
	if limit > 0 {
		s += fmt.Sprintf(" LIMIT %d", limit)
	}
	if offset > 0 {
		s += fmt.Sprintf(" OFFSET %d", offset)
	}
	return s
}

// querier is what [sql.DB] and [sql.Conn] share for queries of many rows.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// queryAll runs q with args on db and returns every row as scan reads it,
// in the order of the result. No row gives an empty slice, not nil. Errors
// are returned without context; the caller adds its own.
func queryAll[T any](ctx context.Context, db querier, q string, args []any, scan func(scanner) (T, error)) ([]T, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
