package store

import (
	"context"
	"encoding/json"
	"strings"

	"puente/internal/model"
	"puente/internal/names"
)

// CaseQuery filters, sorts and pages a group's case list.
type CaseQuery struct {
	// Search finds cases by the beginning of any word of a household
	// member's name or preferred name, ignoring accents and case ("perez",
	// "ÁNGEL núñ"; every word must match the same person), or by case code
	// ("PU-7K3QXM", "pu7k3q", "7K3QXM"). Sensitive fields are never searched.
	Search string
	Status model.CaseStatus
	State  string // "open" (default), "closed", "all"
	// Sort is "updated" (default), "name", "created", "status" or
	// "next_due": soonest next due date first (overdue ones before the
	// rest), cases with nothing due last (index cases_group_next_due).
	Sort  string
	Lang  string // the viewer's language: "name" sorts in its collation
	Page  int    // 1-based
	Limit int
}

var caseSorts = map[string]string{
	"updated": `c.updated_at DESC, c.id`,
	"created": `c.created_at DESC, c.id`,
	"status":  `c.status, c.updated_at DESC, c.id`,
	// "c.next_due IS NULL" puts cases with nothing due last; it is the
	// index's second column, so the sort reads the index in order.
	"next_due": `c.next_due IS NULL, c.next_due, c.id`,
}

// caseOrder is the ORDER BY for sort in lang; "name" uses the stored key of
// lang (indexes cases_group_sort_*), ties broken by id so pages never
// overlap.
func caseOrder(sort, lang string) string {
	if sort == "name" {
		return `c.` + sortColumn(lang) + `, c.id`
	}
	if o, ok := caseSorts[sort]; ok {
		return o
	}
	return caseSorts["updated"]
}

// ListCases returns one page of a group's cases and how many match in all.
//
// It picks the page's case ids first, reading only the cases' own columns
// through the sort's index (or, for a search, only the matching cases),
// then reads those cases in full: the household's name and size are looked
// up once per shown case, not once per skipped or sorted one. A search's
// total comes with its page (a window count over the matches), so the
// matches are gathered once, not twice.
func (s *Store) ListCases(ctx context.Context, groupID string, q CaseQuery) ([]model.Case, int, error) {
	if q.Limit <= 0 || q.Limit > 200 {
		q.Limit = 25
	}
	if q.Page < 1 {
		q.Page = 1
	}
	count, pick, args := caseListSQL(groupID, q)
	rows, err := s.rd().QueryContext(ctx, pick, append(args, q.Limit, (q.Page-1)*q.Limit)...)
	if err != nil {
		return nil, 0, err
	}
	var ids []string
	total := -1
	for rows.Next() {
		var id string
		if err := rows.Scan(&id, &total); err != nil {
			rows.Close()
			return nil, 0, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	if total < 0 { // not a search, or a page past the last match
		if err := s.rd().QueryRowContext(ctx, count, args...).Scan(&total); err != nil {
			return nil, 0, err
		}
	}
	if len(ids) == 0 {
		return nil, total, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, 0, err
	}
	rows, err = s.rd().QueryContext(ctx, caseFetchSQL, string(list))
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out := make([]model.Case, 0, len(ids))
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, c)
	}
	return out, total, rows.Err()
}

// caseFetchSQL reads the picked cases in full, in the picked order (the
// key of json_each is the position in the JSON list of ids).
const caseFetchSQL = `SELECT ` + caseCols + ` FROM json_each(?) j JOIN cases c ON c.id = j.value ORDER BY j.key`

// caseListSQL returns ListCases' statements for q: the count, and the pick
// of one page of ids (which takes LIMIT and OFFSET after args), each row
// with the total of a search or -1.
func caseListSQL(groupID string, q CaseQuery) (count, pick string, args []any) {
	where := []string{"c.group_id = ?"}
	args = []any{groupID}
	switch q.State {
	case "closed":
		where = append(where, "c.closed_at IS NOT NULL")
	case "all":
	default:
		where = append(where, "c.closed_at IS NULL")
	}
	if q.Status != "" {
		where = append(where, "c.status = ?")
		args = append(args, q.Status)
	}
	from, total := `cases c`, `-1`
	if strings.TrimSpace(q.Search) != "" {
		// A search starts from its matches (CROSS JOIN keeps that order in
		// SQLite's planner), so it reads only the matching cases however
		// large the group; they are then filtered and sorted.
		matches, matchArgs := searchMatches(groupID, q.Search)
		from, total = `(`+matches+`) m CROSS JOIN cases c ON c.id = m.case_id`, `count(*) OVER ()`
		args = append(matchArgs, args...)
	}
	cond := strings.Join(where, " AND ")
	count = `SELECT count(*) FROM ` + from + ` WHERE ` + cond
	pick = `SELECT c.id, ` + total + ` FROM ` + from + ` WHERE ` + cond + ` ORDER BY ` + caseOrder(q.Sort, q.Lang) + ` LIMIT +? OFFSET +?`
	return count, pick, args
}

// termEnd is past every term that begins with a word: terms are compared
// as UTF-8 bytes, and no character encodes higher.
const termEnd = "\U0010FFFF"

// searchMatches is a SELECT of the distinct case_id a search matches: cases
// with a person whose terms begin with every word (each word a range on
// search_terms' primary key, within the group), and the case whose code it
// spells or begins (a range on the code's UNIQUE index). The SQL is put
// together from fixed fragments only; every value is a parameter.
func searchMatches(groupID, search string) (string, []any) {
	var parts []string
	var args []any
	if words := names.QueryWords(search); len(words) > 0 {
		sub := `SELECT DISTINCT t0.case_id AS case_id FROM search_terms t0 WHERE t0.group_id = ? AND t0.term >= ? AND t0.term < ?`
		args = append(args, groupID, words[0], words[0]+termEnd)
		for _, w := range words[1:] {
			sub += ` AND t0.person_id IN (SELECT t.person_id FROM search_terms t WHERE t.group_id = ? AND t.term >= ? AND t.term < ?)`
			args = append(args, groupID, w, w+termEnd)
		}
		parts = append(parts, sub)
	}
	lo, hi, exact := codeRange(search)
	if lo != "" {
		parts = append(parts, `SELECT id FROM cases WHERE code >= ? AND code < ?`)
		args = append(args, lo, hi)
	}
	if exact != "" {
		parts = append(parts, `SELECT id FROM cases WHERE code = ?`)
		args = append(args, exact)
	}
	if len(parts) == 0 {
		// Nothing searchable was typed ("%", "--"): nothing matches.
		return `SELECT NULL AS case_id WHERE 0`, nil
	}
	return strings.Join(parts, " UNION "), args
}

// codeRange reads a search as a case code: "PU-7K3QXM", "pu7k3qxm",
// "pu 7k3" (at least two characters after PU) give the range [lo, hi) of
// codes they begin; six code characters without "PU" ("7K3QXM") give
// exact, the one code they spell. Both are "" when the search cannot be a
// code, so that a name search never lists every case.
func codeRange(search string) (lo, hi, exact string) {
	c := strings.ToUpper(names.Compact(search))
	if !isCodeText(c) {
		return "", "", ""
	}
	if len(c) == 6 {
		exact = "PU-" + c
	}
	if rest, pu := strings.CutPrefix(c, "PU"); pu && len(rest) >= 2 && len(rest) <= 6 {
		lo, hi = "PU-"+rest, "PU-"+rest+termEnd
	}
	return lo, hi, exact
}

func isCodeText(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune(codeAlphabet, r) {
			return false
		}
	}
	return true
}
