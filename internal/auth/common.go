package auth

import "strings"

// MinPasswordLen is the shortest password accepted, in characters.
const MinPasswordLen = 12

// MaxPasswordLen bounds the work one sign-in can cause.
const MaxPasswordLen = 128

// common holds widely leaked passwords of MinPasswordLen characters or more
// (shorter ones are refused anyway), lower-cased. The list is small and
// embedded on purpose: no run-time download, and patterns below catch the
// rest of the obvious choices.
var common = map[string]bool{}

func init() {
	for _, p := range strings.Fields(commonList) {
		common[p] = true
	}
}

const commonList = `
123456789012 1234567890123 12345678901234 123456789000 1234567890qwerty
qwertyuiopasdfgh qwertyuiop123 qwertyuiop1234 qwerty123456 qwerty1234567
1qaz2wsx3edc 1qaz2wsx3edc4rfv zaq12wsxcde3 zaq1zaq1zaq1 qazwsxedcrfv
password1234 password12345 password123456 passwordpassword password1234567
p@ssw0rd1234 passw0rd1234 iloveyou1234 iloveyouiloveyou 1q2w3e4r5t6y
1q2w3e4r5t6y7u8i asdfghjkl123 asdfghjkl1234 abcdefghijkl abc123456789
abcd12345678 aa1234567890 welcome12345 welcome123456 letmein12345
letmeinletmein trustno1trustno1 administrator administrator1 admin1234567
adminadmin123 changeme1234 changemenow1 football1234 baseball1234
basketball12 superman1234 batman123456 starwars1234 sunshine1234
princess1234 dragon123456 monkey123456 master123456 shadow123456
michael12345 jennifer1234 jessica12345 charlie12345 liverpool123
chocolate123 computer1234 internet1234 whatever1234 qwertyqwerty
asdfasdfasdf zxcvbnm12345 zxcvbnmasdfg 111111111111 000000000000
999999999999 123123123123 121212121212 112233445566 987654321000
9876543210987 0987654321qw 147258369123 741852963741 123654789123
aaaaaaaaaaaa myspace12345 facebook1234 google123456 microsoft123
samsung12345 pokemon12345 minecraft123 spiderman123 fuckyou12345
loveyou12345 mypassword12 mypassword123 mypassword1234 thisismypassword
secretpassword topsecret123 opensesame12 correcthorsebatterystaple
puente-demo-2026 puentepuente contraseña123 contrasena123 contrasena1234
contraseña1234 teamo1234567 teamo123456789 holahola1234 bienvenido123
asilo1234567 patrocinador sponsor12345 refugee12345 welcome2024! welcome2025!
welcome2026! summer2024!! summer2025!! winter2025!! spring2026!!
password2024 password2025 password2026 password2024! password2025! password2026!
`
