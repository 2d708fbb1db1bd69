package store

import (
	"context"
	"database/sql"

	"puente/internal/model"
)

// LinkCheck decides whether a bearer link may be used, given the facts of
// the moment of use; web passes authz.LinkLive. The store reads the facts
// and applies the check in the transaction that uses the link, so nothing
// can change between the check and the use. A nil check refuses every link.
type LinkCheck func(model.LinkFacts) bool

// checkLinkTx completes f with today's memberships of the link's issuer and
// target and applies check. When the link is refused, the refusal is
// written to the security log (org orgID, about the target, from ip) and
// revoke, if given, kills the link for good in the same transaction, so that
// a calendar app polling a dead feed does not fill the log; the caller then
// commits and answers model.ErrNotFound, exactly as for an unknown link.
func (s *Store) checkLinkTx(ctx context.Context, tx *sql.Tx, f model.LinkFacts, check LinkCheck, ip string,
	revoke func() error) (bool, error) {
	var err error
	if f.Issuer, err = memberships(ctx, tx, f.IssuerID); err != nil {
		return false, err
	}
	if f.Target, err = memberships(ctx, tx, f.TargetID); err != nil {
		return false, err
	}
	if check != nil && check(f) {
		return true, nil
	}
	if revoke != nil {
		if err := revoke(); err != nil {
			return false, err
		}
	}
	return false, s.recordTx(ctx, tx, model.Event{Kind: model.EventLinkRefused, OrgID: f.Org.ID, SubjectID: f.TargetID,
		Detail: string(f.Kind), IP: ip})
}

// orgTx reads one organisation with what access decisions need.
func orgTx(ctx context.Context, tx *sql.Tx, orgID string) (model.Org, error) {
	return scanOrg(tx.QueryRowContext(ctx, `SELECT `+orgColsAuthz+` FROM organisations o WHERE o.id = ?`, orgID))
}

// refused is returned by a link transaction's body after a refusal was
// written: the transaction commits, and the caller reports model.ErrNotFound.
func afterLink(refused bool, err error) error {
	if err != nil {
		return err
	}
	if refused {
		return model.ErrNotFound
	}
	return nil
}
