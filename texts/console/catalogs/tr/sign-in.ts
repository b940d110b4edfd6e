// Staff console, sign-in (tr). Keys: console.sign-in.…; the same keys and placeholders in every staff language.
export const signIn = {
  'console.sign-in.title': 'Oturum aç',
  'console.sign-in.intro': 'Personel rehberindeki e-posta adresiniz ve parolanızla oturum açın.',
  'console.sign-in.email': 'E-posta',
  'console.sign-in.password': 'Parola',
  'console.sign-in.submit': 'Oturum aç',
  'console.sign-in.refused': 'E-posta adresi ya da parola yanlış. İkisini de denetleyip yeniden deneyin.',
  'console.sign-in.locked': 'Çok sayıda yanlış parola girildi: bu hesapta oturum açma kilitlendi. {minutes, plural, one {# dakika} other {# dakika}} sonra yeniden deneyin ya da bir yöneticiden kilidi açmasını isteyin.',
  'console.sign-in.noRole': 'Hesabınıza henüz bir konsol rolü verilmemiş. Bir yöneticiden rol vermesini isteyin.',
  'console.sign-in.formExpired': 'Oturum açma formunun süresi dolmuştu. E-posta adresinizi ve parolanızı yeniden girin.',
  'console.sign-in.rateLimited.title': 'Çok fazla deneme',
  'console.sign-in.rateLimited.text': 'Ağınızdan çok fazla oturum açma denemesi geldi. {seconds, plural, one {# saniye} other {# saniye}} bekleyip yeniden deneyin.',
  'console.sign-in.backToForm': 'Oturum açma formuna dön',
  'console.sign-in.alreadySignedIn': 'Bu tarayıcıda zaten {name} olarak oturum açtınız.',
  'console.sign-in.continue': 'Konsola devam et',
  'console.sign-in.language.en': 'English',
  'console.sign-in.language.tr': 'Türkçe',
} as const;
