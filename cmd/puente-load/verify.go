package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"puente/internal/store"
)

// verify reopens the database the way the server does (store.Open runs
// quick_check), runs the full integrity and foreign-key checks, and looks
// for every acknowledged invitation among its organisation's pending ones.
func verify(ctx context.Context, db string, acks []ack, w io.Writer) error {
	st, err := store.Open(ctx, db)
	if err != nil {
		return fmt.Errorf("reopening the database: %w", err)
	}
	defer st.Close()
	if err := st.Integrity(ctx); err != nil {
		return fmt.Errorf("integrity: %w", err)
	}
	byOrg := map[string][]string{}
	for _, a := range acks {
		byOrg[a.orgID] = append(byOrg[a.orgID], a.email)
	}
	var missing []string
	for orgID, emails := range byOrg {
		invs, err := st.PendingInvitations(ctx, orgID)
		if err != nil {
			return err
		}
		have := make(map[string]bool, len(invs))
		for _, inv := range invs {
			have[strings.ToLower(inv.Email)] = true
		}
		for _, e := range emails {
			if !have[strings.ToLower(e)] {
				missing = append(missing, e)
			}
		}
	}
	total, err := st.CountRows(ctx, "invitations")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "database: quick_check ok, integrity_check ok, foreign_key_check empty; %d of %d acknowledged invitations present (%d invitations in all)\n",
		len(acks)-len(missing), len(acks), total)
	if len(missing) > 0 {
		return fmt.Errorf("%d acknowledged invitations are missing, e.g. %s", len(missing), strings.Join(missing[:min(5, len(missing))], ", "))
	}
	return nil
}
