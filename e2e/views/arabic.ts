import type { Texts } from '../../src/widget/texts'

/**
 * The widget's strings in Arabic, as an Arabic site puts them in its config
 * (`widget.texts`): the SDK ships none, and shows English without them.
 */
export const AR = {
  launcher: 'اطلب اتصالًا',
  title: 'اطلب معاودة الاتصال',
  close: 'إغلاق',
  intro: 'اترك رقمك وسنتصل بك فورًا.',
  phone: 'رقم هاتفك',
  country: 'الدولة',
  now: 'اتصلوا بي الآن',
  slot: 'اتصلوا بي في هذا الوقت',
  sending: 'جارٍ الإرسال…',
  later: 'اختيار وقت بدلًا من ذلك',
  instead: 'اتصلوا بي الآن بدلًا من ذلك',
  consent: 'أوافق على معاودة الاتصال بي بخصوص طلبي.',
  notice: 'نستخدم رقمك فقط لمعاودة الاتصال بك.',
  policy: 'سياسة الخصوصية',
  needConsent: 'يرجى تحديد المربع للموافقة على الاتصال.',
  closed: 'نحن مغلقون الآن، لذا لا يمكننا الاتصال بك فورًا.',
  reopens: 'نفتح مجددًا {time}.',
  pick: 'اختر وقتًا وسنتصل بك حينها.',
  day: 'اليوم',
  time: 'الوقت',
  yours: '{time} بتوقيتك',
  theirs: '{time} في {place}',
  zone: 'الأوقات حسب منطقتك الزمنية ({zone}).',
  noSlots: 'لا توجد أوقات متاحة في الأيام القادمة. يرجى المحاولة لاحقًا.',
  needSlot: 'يرجى اختيار وقت.',
  calling: 'نتصل بك الآن على الرقم {phone}.',
  eta: 'من المفترض أن يرن هاتفك خلال {seconds} ثانية.',
  soon: 'من المفترض أن يرن هاتفك في أي لحظة الآن.',
  scheduled: 'سنتصل بك على الرقم {phone} في {time}.',
  queued: 'يبدو أنك غير متصل بالإنترنت. حُفظ طلبك وسيُرسل فور عودتك إلى الاتصال.',
  retry: 'حاول مجددًا',
  done: 'إغلاق',
  empty: 'يرجى إدخال رقم هاتفك.',
  too_short: 'هذا الرقم قصير جدًا. يرجى التحقق منه.',
  too_long: 'هذا الرقم طويل جدًا. يرجى التحقق منه.',
  invalid: 'لا يبدو هذا رقم هاتف صحيحًا. يرجى التحقق منه.',
  country_not_allowed: 'لا يمكننا الاتصال إلا بأرقام من {countries}.',
  again: 'لدينا طلبك لهذا الرقم بالفعل. يرجى الانتظار دقيقة قبل المحاولة مجددًا.',
  failed: 'حدث خطأ ما. يرجى المحاولة مجددًا.'
} satisfies Texts
