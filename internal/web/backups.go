package web

import (
	"context"
	"fmt"
	"strings"
	"time"

	"puente/internal/i18n"
	"puente/internal/store"
)

// backupView is the backup status line of an organisation page, shown to
// those who look after the installation (authz.ViewBackups).
type backupView struct {
	Status store.BackupStatus
	// Size is the last backup's size in the viewer's language.
	Size string
	// Schedule says how often the server backs up, or that it does not.
	Schedule string
}

// backups reads the status for the organisation page.
func (s *Server) backups(ctx context.Context, lang i18n.Lang) (*backupView, error) {
	st, err := s.store.Backups(ctx)
	if err != nil {
		return nil, err
	}
	v := &backupView{Status: st, Size: sizeText(lang, st.LastBytes)}
	switch every := s.cfg.BackupEvery; {
	case every <= 0:
		v.Schedule = lang.T("backup.unscheduled")
	case every%time.Hour == 0 && every == time.Hour:
		v.Schedule = lang.T("backup.schedule", lang.T("backup.every_hour"), s.cfg.BackupKeep)
	case every%time.Hour == 0:
		v.Schedule = lang.T("backup.schedule", lang.T("backup.every_hours", int(every/time.Hour)), s.cfg.BackupKeep)
	default:
		v.Schedule = lang.T("backup.schedule", lang.T("backup.every_minutes", int(every/time.Minute)), s.cfg.BackupKeep)
	}
	return v, nil
}

// sizeText is a file size in MB with one decimal, written as the
// language's message file says (number.size_mb: "12.5 MB", "12,5 MB").
func sizeText(lang i18n.Lang, bytes int64) string {
	whole, tenth, _ := strings.Cut(fmt.Sprintf("%.1f", float64(bytes)/(1<<20)), ".")
	return lang.T("number.size_mb", whole, tenth)
}
