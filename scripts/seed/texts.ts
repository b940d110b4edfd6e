// The parts seeded complaint texts are composed from, per language: a subject per category and a
// description of an opening, the problem, what it caused and what the customer asks. Turkish and
// English carry most complaints; Persian and Azerbaijani a few (their search is word-only).
// `{p}` is the product's name in that language. A few rare details make rare search words.

export type SeedLocale = 'tr' | 'en' | 'fa' | 'az';

export interface LocaleTexts {
  products: Readonly<Record<string, string>>;
  subjects: Readonly<Record<string, readonly string[]>>;
  openers: readonly string[];
  problems: Readonly<Record<string, readonly string[]>>;
  impacts: readonly string[];
  requests: readonly string[];
  rare: readonly string[];
}

const tr: LocaleTexts = {
  products: {
    'wm-8000': 'çamaşır makinesi', 'rf-500': 'buzdolabı', 'dw-300': 'bulaşık makinesi', 'ov-200': 'ankastre fırın',
    'tv-55q': 'televizyon', 'ac-12': 'klima', 'vc-9': 'elektrikli süpürge', 'srv-delivery': 'teslimat hizmeti',
    'sub-plus': 'Plus üyeliği', 'srv-support': 'müşteri hizmetleri', 'srv-store': 'mağaza', 'app-mobile': 'mobil uygulama', 'web-shop': 'internet sitesi',
  },
  subjects: {
    product_defect: ['{p} çalışmıyor', '{p} arızalandı', '{p} su sızdırıyor', '{p} çok ses yapıyor', 'Yeni aldığım {p} bozuk çıktı', '{p} kendi kendine kapanıyor'],
    warranty: ['Garanti kapsamında {p} tamiri yapılmadı', '{p} için garanti talebim reddedildi', 'Garantideki {p} hâlâ onarılmadı'],
    installation: ['{p} kurulumu yapılmadı', 'Kurulum randevusuna gelinmedi', '{p} yanlış monte edildi'],
    delivery_delay: ['Siparişim gecikti', '{p} teslim edilmedi', 'Teslimat tarihi üç kez ertelendi', '{p} hasarlı teslim edildi'],
    billing_error: ['Faturada hatalı tutar', 'İki kez ücret alındı', '{p} için fazla ödeme', 'İptal ettiğim hizmet faturalandı'],
    refund_request: ['İade param yatırılmadı', '{p} iadesi kabul edilmedi', 'Ücret iadesi talebim'],
    service_quality: ['Çağrı merkezine ulaşamıyorum', 'Sorunum günlerdir çözülmedi', 'Verilen bilgi yanlıştı'],
    staff_attitude: ['Personelin kaba davranışı', 'Mağazada ilgisizlik', 'Temsilci telefonu yüzüme kapattı'],
    website_app: ['{p} açılmıyor', '{p} üzerinden ödeme yapılamıyor', 'Şifre sıfırlama çalışmıyor'],
    privacy: ['İzinsiz ticari ileti', 'Kişisel verilerimin silinmesi talebi', 'Bilgilerim üçüncü kişilerle paylaşılmış'],
    other: ['Genel şikâyet', 'Kampanya koşulları uygulanmadı', 'Yanlış bilgilendirme'],
  },
  openers: [
    'Geçen ay sizden satın aldığım {p} ile ilgili yazıyorum.', 'İki hafta önce {p} siparişi verdim.', 'Merhaba, {p} konusunda yaşadığım sorunu bildirmek istiyorum.',
    'Üç gündür {p} ile ilgili sizinle iletişim kurmaya çalışıyorum.', 'Daha önce de bildirdiğim hâlde {p} sorunum devam ediyor.', 'Bayram öncesi aldığım {p} için başvuruyorum.',
  ],
  problems: {
    product_defect: ['Cihaz çalışırken alttan su geliyor ve mutfak su içinde kalıyor.', 'Ekranda sürekli hata kodu çıkıyor ve program yarıda kalıyor.', 'Makine sıkma sırasında yerinden oynuyor ve çok gürültü yapıyor.', 'Soğutma yapmıyor, içindeki yiyecekler bozuldu.', 'Birkaç dakika çalıştıktan sonra kendiliğinden kapanıyor.'],
    warranty: ['Servis garanti kapsamı dışında olduğunu söyledi ama cihaz daha bir yaşında.', 'Parça bekleniyor denildi, üç haftadır haber yok.', 'Servis iki kez geldi, arıza hâlâ giderilmedi.'],
    installation: ['Kurulum ekibi randevu saatinde gelmedi, kimse de aramadı.', 'Montaj sırasında tezgâh çizildi.', 'Bağlantı yanlış yapıldığı için cihaz su almıyor.'],
    delivery_delay: ['Teslimat için verilen tarih geçti, kargo takibi hiç güncellenmedi.', 'Ürün kapıya bırakılmış, kutu ezik ve cihaz çizik.', 'Kargo şubesi ürünün kaybolduğunu söylüyor.'],
    billing_error: ['Bu ayki faturamda kullanmadığım bir hizmet için ücret var.', 'Kredi kartımdan aynı tutar iki kez çekildi.', 'Kampanyalı fiyat yerine tam fiyat yansıtıldı.'],
    refund_request: ['Ürünü on dört gün içinde iade ettim ama ücret hâlâ hesabıma geçmedi.', 'İade kargosu teslim alındı, ancak iade onaylanmadı.', 'Eksik tutarda iade yapıldı.'],
    service_quality: ['Çağrı merkezinde kırk dakika beklettirildim ve hat kesildi.', 'Her aradığımda farklı bir bilgi veriliyor.', 'Verilen geri arama sözü tutulmadı.'],
    staff_attitude: ['Mağazadaki personel sorumu dinlemeden beni geri çevirdi.', 'Temsilci sesini yükseltti ve saygısız davrandı.', 'Talebim küçümsendi ve kayıt bile açılmadı.'],
    website_app: ['Uygulama açılışta donuyor ve kapanıyor.', 'Ödeme adımında sürekli hata alıyorum.', 'Doğrulama kodu telefonuma hiç gelmiyor.'],
    privacy: ['İletişim iznim olmadığı hâlde her gün SMS alıyorum.', 'Hesabımın ve verilerimin silinmesini istedim, yanıt gelmedi.', 'Başka bir müşterinin sipariş bilgileri hesabımda görünüyor.'],
    other: ['Kampanyada belirtilen hediye verilmedi.', 'Mağazada söylenenle sözleşmedeki koşullar farklı.', 'Sorunumu kime ileteceğimi bilemiyorum.'],
  },
  impacts: ['Bu yüzden işimden izin almak zorunda kaldım.', 'Ailemle birlikte günlerdir mağduruz.', 'Ek masraf yapmak zorunda kaldım.', 'Bu durum beni çok üzdü.', 'Artık markanıza güvenim kalmadı.', ''],
  requests: ['Cihazın değiştirilmesini talep ediyorum.', 'Ücretimin iadesini istiyorum.', 'Sorunun en kısa sürede çözülmesini bekliyorum.', 'Yazılı bir açıklama bekliyorum.', 'Teknik servisin tekrar gelmesini istiyorum.'],
  rare: ['Cihazdan cızırtı sesi geliyor.', 'Kapağın menteşesi kırıldı.', 'Fişten kıvılcım çıktı.', 'Kurye apartman görevlisine haber vermeden gitti.', 'Faturada zamlı kur farkı yazıyor.'],
};

const en: LocaleTexts = {
  products: {
    'wm-8000': 'washing machine', 'rf-500': 'fridge', 'dw-300': 'dishwasher', 'ov-200': 'built-in oven', 'tv-55q': 'television',
    'ac-12': 'air conditioner', 'vc-9': 'vacuum cleaner', 'srv-delivery': 'delivery service', 'sub-plus': 'Plus membership',
    'srv-support': 'customer service', 'srv-store': 'store', 'app-mobile': 'mobile app', 'web-shop': 'website',
  },
  subjects: {
    product_defect: ['{p} stopped working', '{p} is leaking water', '{p} makes a loud noise', 'New {p} arrived faulty', '{p} keeps switching off'],
    warranty: ['Warranty repair of my {p} refused', '{p} still not repaired under warranty', 'Warranty claim for {p} ignored'],
    installation: ['{p} was never installed', 'Installer missed the appointment', '{p} installed incorrectly'],
    delivery_delay: ['My order is late', '{p} not delivered', 'Delivery postponed three times', '{p} delivered damaged'],
    billing_error: ['Wrong amount on my invoice', 'Charged twice', 'Overcharged for {p}', 'Billed for a cancelled service'],
    refund_request: ['Refund not received', 'Return of {p} refused', 'Request for a refund'],
    service_quality: ['Cannot reach the call centre', 'Problem unresolved for days', 'I was given wrong information'],
    staff_attitude: ['Rude staff', 'Ignored in the store', 'The agent hung up on me'],
    website_app: ['{p} will not open', 'Cannot pay through the {p}', 'Password reset does not work'],
    privacy: ['Marketing messages without consent', 'Request to erase my personal data', 'My details were shared with others'],
    other: ['General complaint', 'Promotion terms not honoured', 'Misleading information'],
  },
  openers: [
    'I am writing about the {p} I bought from you last month.', 'Two weeks ago I ordered a {p}.', 'Hello, I would like to report a problem with my {p}.',
    'I have been trying to contact you about my {p} for three days.', 'Although I reported it before, the problem with my {p} continues.', 'I am complaining about my {p}.',
  ],
  problems: {
    product_defect: ['Water leaks from underneath while it runs and floods the kitchen.', 'An error code keeps appearing and the programme stops halfway.', 'It shakes violently and is very noisy during the spin.', 'It does not cool and the food inside went off.', 'It switches itself off after a few minutes.'],
    warranty: ['The engineer said it is not covered although the appliance is less than a year old.', 'I was told a part is on order; no news for three weeks.', 'The engineer came twice and the fault is still there.'],
    installation: ['The installers did not turn up at the booked time and nobody called.', 'The worktop was scratched during fitting.', 'It was connected wrongly and does not take in water.'],
    delivery_delay: ['The promised delivery date passed and tracking never updated.', 'It was left at the door, the box crushed and the appliance scratched.', 'The courier says the parcel is lost.'],
    billing_error: ['This month\'s invoice includes a service I never used.', 'The same amount was taken from my card twice.', 'I was charged the full price instead of the offer price.'],
    refund_request: ['I returned the item within fourteen days but the money has not arrived.', 'The return was collected but the refund was not approved.', 'Only part of the amount was refunded.'],
    service_quality: ['I waited forty minutes on hold and the line dropped.', 'Every time I call I am told something different.', 'The promised call back never came.'],
    staff_attitude: ['The store staff turned me away without listening.', 'The agent raised his voice and was disrespectful.', 'My request was dismissed and no case was even opened.'],
    website_app: ['The app freezes on start and closes.', 'I get an error at the payment step every time.', 'The verification code never reaches my phone.'],
    privacy: ['I receive texts every day although I never consented.', 'I asked for my account and data to be erased and got no answer.', 'Another customer\'s order details appear in my account.'],
    other: ['The gift promised in the promotion was not given.', 'The contract terms differ from what the store told me.', 'I do not know whom to take my problem to.'],
  },
  impacts: ['I had to take a day off work because of this.', 'My family has been without it for days.', 'I had to pay extra costs.', 'This has been very stressful.', 'I no longer trust your brand.', ''],
  requests: ['I ask for a replacement.', 'I want my money back.', 'Please solve this as soon as possible.', 'I expect a written explanation.', 'Please send an engineer again.'],
  rare: ['There is a crackling sound from the back.', 'The door hinge snapped.', 'Sparks came out of the plug.', 'The courier left without telling the concierge.', 'The invoice shows a currency surcharge.'],
};

const fa: LocaleTexts = {
  products: Object.fromEntries(Object.keys(en.products).map((k) => [k, k === 'app-mobile' ? 'اپلیکیشن موبایل' : k === 'sub-plus' ? 'اشتراک پلاس' : 'دستگاه'])),
  subjects: Object.fromEntries(Object.keys(en.subjects).map((k) => [k, ['{p} کار نمی‌کند', 'مشکل در سفارش', 'درخواست بازپرداخت']])),
  openers: ['سلام، درباره {p} که ماه گذشته خریدم می‌نویسم.', 'دو هفته پیش {p} سفارش دادم.'],
  problems: Object.fromEntries(Object.keys(en.problems).map((k) => [k, ['دستگاه خراب است و کسی پاسخ نمی‌دهد.', 'سفارش من هنوز نرسیده است.', 'مبلغ دو بار از کارت من کسر شد.']])),
  impacts: ['این وضعیت برای من خیلی ناراحت‌کننده است.', ''],
  requests: ['لطفاً هر چه زودتر رسیدگی کنید.', 'درخواست بازگشت وجه دارم.'],
  rare: ['صدای جرقه از دستگاه می‌آید.'],
};

const az: LocaleTexts = {
  products: Object.fromEntries(Object.keys(en.products).map((k) => [k, k === 'app-mobile' ? 'mobil tətbiq' : k === 'sub-plus' ? 'Plus abunəliyi' : 'cihaz'])),
  subjects: Object.fromEntries(Object.keys(en.subjects).map((k) => [k, ['{p} işləmir', 'Sifarişimlə bağlı problem', 'Pulun qaytarılması tələbi']])),
  openers: ['Salam, keçən ay aldığım {p} barədə yazıram.', 'İki həftə əvvəl {p} sifariş etdim.'],
  problems: Object.fromEntries(Object.keys(en.problems).map((k) => [k, ['Cihaz xarabdır və heç kim cavab vermir.', 'Sifarişim hələ çatdırılmayıb.', 'Kartımdan eyni məbləğ iki dəfə çıxılıb.']])),
  impacts: ['Bu vəziyyət məni çox narahat edir.', ''],
  requests: ['Xahiş edirəm, tez bir zamanda həll edin.', 'Pulumun qaytarılmasını istəyirəm.'],
  rare: ['Cihazdan qığılcım çıxır.'],
};

export const TEXTS: Readonly<Record<SeedLocale, LocaleTexts>> = { tr, en, fa, az };

/** Reasons, notes and answers along a timeline (staff and customers write in their language). */
export const TIMELINE_TEXTS: Readonly<Record<SeedLocale, {
  questions: readonly string[]; infoAnswers: readonly string[]; notes: readonly string[]; rejections: readonly string[];
  withdrawals: readonly string[]; outOfScope: readonly string[]; rootCauses: readonly string[]; actions: readonly string[];
  summaries: Readonly<Record<string, string>>; comments: readonly string[];
}>> = {
  tr: {
    questions: ['Fatura numaranızı paylaşır mısınız?', 'Cihazın seri numarası nedir?', 'Arızanın fotoğrafını gönderebilir misiniz?', 'Teslimat adresinizi doğrular mısınız?'],
    infoAnswers: ['Fatura numarası FTR-2024-1187.', 'Seri numarası etiketin üzerinde: SN48213.', 'Fotoğrafı e-postayla gönderdim.', 'Adresim doğru, kapı numarası 12.'],
    notes: ['Müşteri telefonla arandı, bilgi verildi.', 'Servis raporu istendi.', 'Lojistik firmasından dönüş bekleniyor.'],
    rejections: ['Önerilen çözüm yetersiz.', 'Tam iade istiyorum.', 'Onarım değil değişim istiyorum.'],
    withdrawals: ['Sorun kendiliğinden çözüldü.', 'Müşteri şikâyetini geri çekti.'],
    outOfScope: ['Başka bir firmanın ürünü.', 'Şikâyet değil, bilgi talebi.'],
    rootCauses: ['Hatalı conta partisi', 'Kargo firmasında kapasite sorunu', 'Fiyat güncellemesi sisteme yansımadı', 'Eğitim eksikliği', 'Uygulama sürümünde hata'],
    actions: ['Tedarikçi ile kalite toplantısı', 'Kargo sözleşmesi gözden geçirilecek', 'Faturalama kuralı düzeltildi', 'Personel eğitimi planlandı', 'Yazılım güncellemesi yayınlanacak'],
    summaries: { refund: 'Ödediğiniz tutarı iade ediyoruz.', replacement: 'Ürününüzü yenisiyle değiştiriyoruz.', repair: 'Cihazınızı ücretsiz onarıyoruz.', credit: 'Hesabınıza indirim tanımlıyoruz.', apology: 'Yaşadığınız sorun için özür dileriz.', explanation: 'Sürecin nasıl işlediğini açıklamak isteriz.', other: 'Size özel bir çözüm sunuyoruz.' },
    comments: ['Hızlı ilgilendiğiniz için teşekkürler.', 'Sonuç iyi ama süreç uzun sürdü.', 'Kimse beni geri aramadı.'],
  },
  en: {
    questions: ['Could you share your invoice number?', 'What is the serial number of the appliance?', 'Could you send a photo of the fault?', 'Could you confirm your delivery address?'],
    infoAnswers: ['The invoice number is INV-2024-1187.', 'The serial number on the label is SN48213.', 'I have e-mailed the photo.', 'The address is correct, number 12.'],
    notes: ['Called the customer and explained the next steps.', 'Asked the engineer for the service report.', 'Waiting for the courier company.'],
    rejections: ['The offer is not enough.', 'I want a full refund.', 'I want a replacement, not a repair.'],
    withdrawals: ['The problem solved itself.', 'The customer withdrew the complaint.'],
    outOfScope: ['Product of another company.', 'A request for information, not a complaint.'],
    rootCauses: ['Faulty seal batch', 'Courier capacity shortfall', 'Price update not applied to billing', 'Gap in staff training', 'Bug in an app release'],
    actions: ['Quality review with the supplier', 'Review the courier contract', 'Billing rule corrected', 'Staff training scheduled', 'App update to be released'],
    summaries: { refund: 'We refund what you paid.', replacement: 'We replace your product with a new one.', repair: 'We repair your appliance free of charge.', credit: 'We credit your account.', apology: 'We apologise for what happened.', explanation: 'We would like to explain how the process works.', other: 'We offer you a solution of its own.' },
    comments: ['Thank you for the quick help.', 'Good result but it took too long.', 'Nobody called me back.'],
  },
  fa: {
    questions: ['لطفاً شماره فاکتور را بفرستید.'], infoAnswers: ['شماره فاکتور ۱۱۸۷ است.'], notes: ['با مشتری تماس گرفته شد.'], rejections: ['پیشنهاد کافی نیست.'],
    withdrawals: ['مشتری شکایت را پس گرفت.'], outOfScope: ['محصول شرکت دیگری است.'], rootCauses: ['Courier capacity shortfall'], actions: ['Review the courier contract'],
    summaries: { refund: 'مبلغ پرداختی را بازمی‌گردانیم.', replacement: 'محصول را تعویض می‌کنیم.', repair: 'دستگاه را رایگان تعمیر می‌کنیم.', credit: 'اعتبار به حساب شما اضافه می‌کنیم.', apology: 'عذرخواهی می‌کنیم.', explanation: 'روند را توضیح می‌دهیم.', other: 'راه‌حل ویژه‌ای پیشنهاد می‌کنیم.' },
    comments: ['سپاس از پیگیری.'],
  },
  az: {
    questions: ['Zəhmət olmasa, faktura nömrəsini göndərin.'], infoAnswers: ['Faktura nömrəsi 1187-dir.'], notes: ['Müştəri ilə əlaqə saxlanıldı.'], rejections: ['Təklif kifayət deyil.'],
    withdrawals: ['Müştəri şikayətini geri götürdü.'], outOfScope: ['Başqa şirkətin məhsuludur.'], rootCauses: ['Faulty seal batch'], actions: ['Quality review with the supplier'],
    summaries: { refund: 'Ödədiyiniz məbləği qaytarırıq.', replacement: 'Məhsulu yenisi ilə əvəz edirik.', repair: 'Cihazı pulsuz təmir edirik.', credit: 'Hesabınıza kredit veririk.', apology: 'Üzr istəyirik.', explanation: 'Prosesi izah edirik.', other: 'Xüsusi həll təklif edirik.' },
    comments: ['Təşəkkür edirəm.'],
  },
};

export const FIRST_NAMES: Readonly<Record<SeedLocale, readonly string[]>> = {
  tr: ['Ayşe', 'Mehmet', 'Fatma', 'Mustafa', 'Zeynep', 'Ahmet', 'Elif', 'Emre', 'Merve', 'Hüseyin', 'Büşra', 'Can', 'Selin', 'Oğuz', 'Gül', 'İbrahim', 'Şule', 'Çağla', 'Ömer', 'Özge'],
  en: ['Olivia', 'James', 'Amelia', 'Oliver', 'Isla', 'Harry', 'Emily', 'George', 'Sophie', 'Jack', 'Grace', 'Thomas', 'Chloe', 'William', 'Lucy'],
  fa: ['Sara', 'Reza', 'Maryam', 'Ali', 'Zahra', 'Hossein', 'Niloofar', 'Amir'],
  az: ['Aysel', 'Elvin', 'Günel', 'Rauf', 'Nigar', 'Tural', 'Leyla', 'Orxan'],
};

export const LAST_NAMES: Readonly<Record<SeedLocale, readonly string[]>> = {
  tr: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Koç', 'Kurt', 'Özkan', 'Şimşek', 'Polat'],
  en: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Wright', 'Walker', 'Evans', 'Thomas', 'Roberts'],
  fa: ['Ahmadi', 'Hosseini', 'Karimi', 'Rahimi', 'Moradi', 'Jafari'],
  az: ['Məmmədov', 'Əliyeva', 'Həsənov', 'Quliyeva', 'Hüseynov', 'Abbasova'],
};
