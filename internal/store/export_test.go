package store

// DisableStmtCache makes s run every statement as text, for benchmarks
// that measure what the statement cache saves.
func DisableStmtCache(s *Store) {
	s.stmts.close()
	s.stmts = noStmtCache(s.db)
}
