package i18n

// totpMessages are the strings of two-step sign-in (issue 14): a code from
// an authenticator app after the password, recovery codes, and a
// coordinator's reset. "Two-step sign-in" / "inicio de sesión en dos
// pasos" everywhere on pages: plainer than "two-factor authentication".
var totpMessages = map[string][2]string{
	// The second step of signing in.
	"login.code.title": {"Enter your code", "Escriba su código"},
	"login.code.intro": {"Your password is right. Now open the authenticator app on your phone and enter the code it shows for Puente.",
		"Su contraseña es correcta. Ahora abra la aplicación de autenticación de su teléfono y escriba el código que muestra para Puente."},
	"field.code":              {"Code from the app", "Código de la aplicación"},
	"field.code.hint":         {"6 digits. A new code appears every 30 seconds.", "6 números. Cada 30 segundos aparece un código nuevo."},
	"login.code.submit":       {"Continue", "Continuar"},
	"login.code.use_recovery": {"I do not have my phone: use a recovery code", "No tengo mi teléfono: usar un código de recuperación"},
	"login.code.lost": {"Lost your phone and your recovery codes? Ask a coordinator of your group to reset your two-step sign-in.",
		"¿Perdió su teléfono y sus códigos de recuperación? Pida a una persona coordinadora de su grupo que restablezca su inicio de sesión en dos pasos."},
	"login.recovery.title": {"Use a recovery code", "Use un código de recuperación"},
	"login.recovery.intro": {"Enter one of the recovery codes you saved when you set up two-step sign-in. Each code works once.",
		"Escriba uno de los códigos de recuperación que guardó al configurar el inicio de sesión en dos pasos. Cada código sirve una sola vez."},
	"field.recovery_code":      {"Recovery code", "Código de recuperación"},
	"field.recovery_code.hint": {"16 letters and numbers, like 7K3Q-XM2P-9RTA-4HVW.", "16 letras y números, como 7K3Q-XM2P-9RTA-4HVW."},
	"login.recovery.use_app":   {"Use the code from the app instead", "Mejor usar el código de la aplicación"},
	"login.recovery.used": {"You used a recovery code. You have %d left. Make new ones on your account page, under Two-step sign-in.",
		"Usó un código de recuperación. Le quedan %d. Cree códigos nuevos en su cuenta, en Inicio de sesión en dos pasos."},

	// What is wrong with a code.
	"twofactor.err.format":          {"Enter the 6 digits the app shows.", "Escriba los 6 números que muestra la aplicación."},
	"twofactor.err.wrong":           {"This code is not right. Check the time on your phone, then enter the newest code.", "Este código no es correcto. Revise la hora de su teléfono y escriba el código más reciente."},
	"twofactor.err.used":            {"This code was already used. Wait for the next code in the app, then enter it.", "Este código ya se usó. Espere el siguiente código en la aplicación y escríbalo."},
	"twofactor.err.confirm":         {"This code does not match the key. Check that you added the key shown above, then enter the newest code.", "Este código no corresponde a la clave. Revise que agregó la clave de arriba y escriba el código más reciente."},
	"twofactor.err.recovery_format": {"Enter a recovery code: 16 letters and numbers.", "Escriba un código de recuperación: 16 letras y números."},
	"twofactor.err.recovery_wrong":  {"This recovery code is not right, or it was already used.", "Este código de recuperación no es correcto, o ya se usó."},
	"twofactor.err.either_format":   {"Enter the 6 digits from the app, or a recovery code.", "Escriba los 6 números de la aplicación, o un código de recuperación."},
	"error.enrol_first.title":       {"Set up two-step sign-in first", "Primero configure el inicio de sesión en dos pasos"},
	"error.enrol_first":             {"Your role needs two-step sign-in. Set it up on your account page before anything else.", "Su rol necesita el inicio de sesión en dos pasos. Configúrelo en su cuenta antes de cualquier otra cosa."},

	// The account's two-step sign-in page.
	"twofactor.title": {"Two-step sign-in", "Inicio de sesión en dos pasos"},
	"twofactor.intro": {"With two-step sign-in, your password alone does not open your account. Puente also asks for a code from your phone.",
		"Con el inicio de sesión en dos pasos, su contraseña sola no abre su cuenta. Puente también pide un código de su teléfono."},
	"twofactor.intro.app": {"You need an authenticator app on your phone, for example Google Authenticator, Microsoft Authenticator, Aegis or 2FAS.",
		"Necesita una aplicación de autenticación en su teléfono, por ejemplo Google Authenticator, Microsoft Authenticator, Aegis o 2FAS."},
	"twofactor.required": {"Your role needs two-step sign-in. Set it up now to continue.", "Su rol necesita el inicio de sesión en dos pasos. Configúrelo ahora para continuar."},
	"twofactor.start":    {"Set up two-step sign-in", "Configurar el inicio de sesión en dos pasos"},
	"twofactor.step1":    {"1. Add Puente to your authenticator app", "1. Agregue Puente a su aplicación de autenticación"},
	"twofactor.step1.intro": {"In the app, choose to add an account, then scan this QR code with the phone's camera.",
		"En la aplicación, elija agregar una cuenta y escanee este código QR con la cámara del teléfono."},
	"twofactor.qr_alt": {"QR code to scan with your authenticator app. The same key is written out below.", "Código QR para escanear con su aplicación de autenticación. La misma clave aparece escrita abajo."},
	"twofactor.manual": {"Cannot scan it? Choose to enter a setup key in the app, and type this key:", "¿No puede escanearlo? Elija escribir una clave de configuración en la aplicación, y escriba esta clave:"},
	"twofactor.manual.hint": {"The spaces do not matter. Choose a time-based code if the app asks.",
		"Los espacios no importan. Si la aplicación pregunta, elija un código basado en la hora."},
	"twofactor.step2":          {"2. Enter the code the app shows", "2. Escriba el código que muestra la aplicación"},
	"twofactor.confirm.submit": {"Turn on two-step sign-in", "Activar el inicio de sesión en dos pasos"},
	"twofactor.new_key.intro":  {"Something went wrong in the app? Start again with a new key.", "¿Algo salió mal en la aplicación? Empiece de nuevo con una clave nueva."},
	"twofactor.new_key":        {"Make a new key", "Crear una clave nueva"},
	"twofactor.on_since":       {"Two-step sign-in is on since %s.", "El inicio de sesión en dos pasos está activado desde el %s."},
	"twofactor.codes_left":     {"Recovery codes not used yet: %d.", "Códigos de recuperación sin usar: %d."},
	"twofactor.renew.title":    {"New recovery codes", "Códigos de recuperación nuevos"},
	"twofactor.renew.intro": {"Used some, or cannot find them? Make 10 new codes. The old ones stop working.",
		"¿Usó algunos, o no los encuentra? Cree 10 códigos nuevos. Los anteriores dejan de funcionar."},
	"twofactor.renew.submit":  {"Make new recovery codes", "Crear códigos de recuperación nuevos"},
	"twofactor.disable.title": {"Turn off two-step sign-in", "Desactivar el inicio de sesión en dos pasos"},
	"twofactor.disable.intro": {"Your password alone will open your account again. To turn it off, enter your password and a code.",
		"Su contraseña sola volverá a abrir su cuenta. Para desactivarlo, escriba su contraseña y un código."},
	"twofactor.disable.required": {"Your role needs two-step sign-in. If you turn it off, you set it up again before anything else, for example on a new phone.",
		"Su rol necesita el inicio de sesión en dos pasos. Si lo desactiva, lo configura de nuevo antes de cualquier otra cosa, por ejemplo en un teléfono nuevo."},
	"field.code_or_recovery":      {"Code from the app, or a recovery code", "Código de la aplicación, o un código de recuperación"},
	"field.code_or_recovery.hint": {"6 digits from the app, or one of your recovery codes.", "6 números de la aplicación, o uno de sus códigos de recuperación."},
	"twofactor.disable.submit":    {"Turn off", "Desactivar"},
	"twofactor.disabled":          {"Two-step sign-in is off.", "El inicio de sesión en dos pasos está desactivado."},

	// Recovery codes, shown once.
	"twofactor.codes.title":   {"Your recovery codes", "Sus códigos de recuperación"},
	"twofactor.enabled":       {"Two-step sign-in is on. Your other sessions were signed out.", "El inicio de sesión en dos pasos está activado. Se cerraron sus otras sesiones."},
	"twofactor.codes.renewed": {"Here are your new recovery codes. The old ones no longer work.", "Aquí están sus nuevos códigos de recuperación. Los anteriores ya no funcionan."},
	"twofactor.codes.intro": {"If you lose your phone, each of these codes lets you sign in once. Write them down or print them, and keep them somewhere safe.",
		"Si pierde su teléfono, cada uno de estos códigos le permite entrar una vez. Anótelos o imprímalos, y guárdelos en un lugar seguro."},
	"twofactor.codes.once": {"You will not see these codes again. Puente keeps only a scrambled form of them.",
		"No volverá a ver estos códigos. Puente solo guarda una forma cifrada de ellos."},
	"twofactor.codes.done": {"I saved them: continue", "Ya los guardé: continuar"},

	// A coordinator resets a member's second step.
	"members.two_factor_on":        {"Two-step sign-in", "Dos pasos"},
	"members.two_factor_reset":     {"Reset two-step sign-in", "Restablecer el inicio en dos pasos"},
	"members.two_factor_reset_for": {"Reset two-step sign-in of %s", "Restablecer el inicio en dos pasos de %s"},
	"twofactor.reset.title":        {"Reset two-step sign-in of %s", "Restablecer el inicio de sesión en dos pasos de %s"},
	"twofactor.reset.intro": {"Do this only if %s lost their phone and their recovery codes.",
		"Hágalo solo si %s perdió su teléfono y sus códigos de recuperación."},
	"twofactor.reset.signout": {"All their sessions end now.", "Todas sus sesiones se cierran ahora."},
	"twofactor.reset.next": {"At their next sign-in, the password alone lets them in. If their role needs two-step sign-in, they set it up again first.",
		"En su próximo inicio de sesión, la contraseña sola le permite entrar. Si su rol lo necesita, primero vuelve a configurar los dos pasos."},
	"twofactor.reset.logged": {"The reset goes in the security log, with your name.", "El cambio queda en el historial de seguridad, con su nombre."},
	"twofactor.reset.check": {"Check first that the person asking is really them, for example by phone or in person.",
		"Antes confirme que quien lo pide es de verdad esa persona, por ejemplo por teléfono o en persona."},
	"twofactor.reset.submit": {"Reset two-step sign-in", "Restablecer el inicio de sesión en dos pasos"},
	"twofactor.reset.none":   {"%s has no two-step sign-in to reset.", "%s no tiene inicio de sesión en dos pasos que restablecer."},
	"twofactor.reset.back":   {"Back to the people", "Volver a las personas"},
	"twofactor.reset.done": {"Two-step sign-in of %s was reset, and their sessions ended.",
		"Se restableció el inicio de sesión en dos pasos de %s, y se cerraron sus sesiones."},

	// An organisation requires it of everyone.
	"settings.two_factor": {"Two-step sign-in", "Inicio de sesión en dos pasos"},
	"settings.two_factor.hint": {"Admins and coordinators always need it. Turn this on to ask it of everyone in this organisation.",
		"Las personas administradoras y coordinadoras siempre lo necesitan. Marque la casilla para pedirlo a todas las personas de esta organización."},
	"settings.two_factor.label": {"Everyone here must use two-step sign-in", "Todas las personas de aquí deben usar el inicio de sesión en dos pasos"},

	// The account page.
	"account.two_factor.on":     {"On: Puente asks for a code from your phone after your password.", "Activado: Puente pide un código de su teléfono después de su contraseña."},
	"account.two_factor.off":    {"Off: your password alone opens your account.", "Desactivado: su contraseña sola abre su cuenta."},
	"account.two_factor.manage": {"Manage two-step sign-in", "Administrar el inicio de sesión en dos pasos"},

	// The security log.
	"event.two_factor_enabled":                {"Two-step sign-in turned on", "Inicio de sesión en dos pasos activado"},
	"event.two_factor_disabled":               {"Two-step sign-in turned off", "Inicio de sesión en dos pasos desactivado"},
	"event.two_factor_reset":                  {"Two-step sign-in reset by a coordinator", "Inicio de sesión en dos pasos restablecido por una persona coordinadora"},
	"event.two_factor_failed":                 {"Wrong sign-in code", "Código de inicio de sesión incorrecto"},
	"event.recovery_code_used":                {"Signed in with a recovery code", "Entró con un código de recuperación"},
	"event.recovery_codes_renewed":            {"New recovery codes made", "Códigos de recuperación nuevos creados"},
	"event.two_factor_required":               {"Two-step sign-in for everyone changed", "Cambió el inicio de sesión en dos pasos para todas las personas"},
	"event.detail.codes_left":                 {"recovery codes left: %s", "códigos de recuperación sin usar: %s"},
	"event.detail.lockout.code":               {"too many wrong codes", "demasiados códigos incorrectos"},
	"event.detail.two_factor_failed.replay":   {"a code already used", "un código ya usado"},
	"event.detail.two_factor_failed.recovery": {"recovery code", "código de recuperación"},
	"event.detail.two_factor_required.on":     {"now required of everyone", "ahora lo necesitan todas las personas"},
	"event.detail.two_factor_required.off":    {"no longer required of everyone", "ya no lo necesitan todas las personas"},
}

func init() {
	for k, v := range totpMessages {
		if _, dup := messages[k]; dup {
			panic("i18n: duplicate message key " + k)
		}
		messages[k] = v
	}
}
