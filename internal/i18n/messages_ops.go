package i18n

// opsMessages are the strings about running the installation: backups.
var opsMessages = map[string][2]string{
	"backup.title": {"Backups", "Copias de seguridad"},
	"backup.last_ok": {"Last backup: %s (%s).",
		"Última copia de seguridad: %s (%s)."},
	"backup.never":  {"No backup has been recorded yet.", "Todavía no hay ninguna copia de seguridad."},
	"backup.failed": {"The last backup attempt, on %s, failed. The server's log says why.", "El último intento de copia de seguridad, el %s, falló. Los mensajes del servidor explican el motivo."},
	"backup.schedule": {"This server makes a backup %s and keeps the newest %d.",
		"Este servidor hace una copia de seguridad %s y conserva las %d más recientes."},
	"backup.every_hour":    {"every hour", "cada hora"},
	"backup.every_hours":   {"every %d hours", "cada %d horas"},
	"backup.every_minutes": {"every %d minutes", "cada %d minutos"},
	"backup.unscheduled":   {"Scheduled backups are off on this server. Whoever runs it can turn them on (-backup-dir) or back up another way.", "Las copias de seguridad programadas están desactivadas en este servidor. Quien lo administra puede activarlas (-backup-dir) o hacer copias de otra forma."},
}

func init() {
	for k, v := range opsMessages {
		if _, dup := messages[k]; dup {
			panic("i18n: duplicate message key " + k)
		}
		messages[k] = v
	}
}
