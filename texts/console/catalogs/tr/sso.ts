// Staff console, single sign-on (tr). Keys: console.sso.…; the same keys and placeholders in every staff language.
export const sso = {
  'console.sso.button': '{provider} ile oturum aç',
  'console.sso.or': 'Ya da parolanızla oturum açın:',
  'console.sso.refused.title': 'Oturum açılamadı',
  'console.sso.refused.failed': '{provider} ile oturum açma doğrulanamadı: çok uzun sürdü, başka bir tarayıcıda başlatıldı ya da yolda değiştirildi. Oturum açma sayfasından yeniden başlayın.',
  'console.sso.refused.noRole': '{provider} hesabınız size Plaint’te bir rol vermiyor. Yöneticinizden sizi Plaint gruplarından birine eklemesini isteyin.',
  'console.sso.refused.deactivated': 'Plaint’teki personel hesabınız devre dışı. Bir yöneticiden yeniden etkinleştirmesini isteyin.',
  'console.sso.refused.unavailable': '{provider} şu anda erişilemiyor. Bir dakika sonra yeniden deneyin ya da parolanızla oturum açın.',
  'console.sso.signedIn.title': 'Oturum açıldı',
} as const;
