import type { CoreMessages } from './en.js';

export const ar: CoreMessages = {
  'errors.validation_failed': 'بعض الحقول تحتاج إلى تصحيح.',
  'errors.not_found': 'تعذّر العثور على العنصر ({entity}).',
  'errors.version_conflict':
    'قام شخص آخر بتعديل هذا العنصر ({entity}) أثناء تحريرك له. هذه هي النسخة الحالية.',
  'errors.duplicate': 'هذا العنصر ({entity}) موجود بالفعل.',
  'errors.forbidden': 'ليست لديك صلاحية للقيام بذلك.',
  'errors.forbidden.not_project_owner':
    'لا يمكن القيام بذلك في هذا المشروع إلا لمالك المشروع أو قادته أو مكتب التحوّل.',
  'errors.forbidden.not_risk_editor':
    'لا يمكن تعديل هذه المخاطرة إلا لمالكها أو لمالك المشروع أو لمكتب التحوّل.',
  'errors.forbidden.role_required_cto': 'لا يمكن القيام بذلك إلا لمكتب التحوّل.',
  'errors.forbidden.not_kpi_editor':
    'لا يمكن تعديل مؤشر الأداء هذا إلا لمالكه أو لمالك المشروع أو قائد الركيزة أو لمكتب التحوّل.',
  'errors.forbidden.inactive_person': 'وصولك إلى Transformation Hub غير مفعّل. يرجى الاتصال بمكتب التحوّل.',
  'errors.forbidden.development_identity_refused': 'هوية التطوير غير مقبولة هنا. سجّل الدخول بحساب المنظمة.',
  'errors.unauthenticated': 'يرجى تسجيل الدخول للمتابعة.',
  'errors.consent_required':
    'يحتاج مركز التحول إلى إذنك لقراءة ملفك الشخصي من Microsoft 365. اختر «منح الإذن» ثم حاول مرة أخرى.',
  'notices.write_queued': 'تم الحفظ. SharePoint مشغول حاليًا، لذا ستتم مزامنة هذا التغيير قريبًا.',
  'errors.throttled': 'عدد الطلبات كبير جداً حالياً. يرجى المحاولة مرة أخرى بعد لحظات.',
  'errors.unavailable': 'الخدمة غير متاحة مؤقتاً. يرجى المحاولة مرة أخرى قريباً.',
  'errors.internal':
    'حدث خطأ من جانبنا. يرجى المحاولة مرة أخرى؛ وإذا تكرر ذلك، فاذكر المرجع {correlationId}.',
  'errors.bad_json': 'نص الطلب ليس بتنسيق JSON صالح.',
  'errors.route_not_found': 'هذا العنوان غير موجود في واجهة البرمجة.',
  'errors.method_not_allowed': 'هذا العنوان لا يقبل هذه الطريقة.',
  'errors.payload_too_large': 'الطلب كبير جداً.',
  'errors.unsupported_media_type': 'أرسل نص الطلب بتنسيق JSON (Content-Type: application/json).',
  'errors.precondition_required': 'حدّد النسخة التي تعدّلها (الترويسة If-Match أو الحقل "version").',
  'entity.project': 'مشروع',
  'entity.status-update': 'تقرير الحالة',
  'entity.risk': 'مخاطرة',
  'entity.milestone': 'مرحلة رئيسية',
  'entity.kpi': 'مؤشر أداء رئيسي',
  'entity.measurement': 'قياس',
  'entity.person': 'شخص',
  'entity.settings': 'الإعدادات',
  'validation.required': 'هذا الحقل مطلوب.',
  'validation.too_small': 'يجب ألا تقل القيمة عن {minimum}.',
  'validation.too_small.string': 'يجب ألا يقل عدد الأحرف عن {minimum}.',
  'validation.too_small.array': 'اختر {minimum} على الأقل.',
  'validation.too_big': 'يجب ألا تزيد القيمة على {maximum}.',
  'validation.too_big.string': 'يجب ألا يزيد عدد الأحرف على {maximum}.',
  'validation.too_big.array': 'اختر {maximum} على الأكثر.',
  'validation.invalid_type': 'نوع هذه القيمة غير صحيح.',
  'validation.invalid_value': 'اختر أحد الخيارات التالية: {allowed}.',
  'validation.invalid_format': 'هذه القيمة ليست بالتنسيق المتوقع.',
  'validation.unrecognized_keys': 'حقول غير معروفة: {keys}.',
  'validation.unknown_person': 'هذا الشخص غير مدرج في قائمة الموظفين.',
  'validation.unknown_project': 'هذا المشروع ليس ضمن الحافظة.',
  'validation.taken': 'هذه القيمة مستخدمة بالفعل.',
  'validation.self_dependency': 'لا يمكن أن يعتمد المشروع على نفسه.',
  'validation.period_not_reportable':
    'يمكن نشر التقارير للأسبوع الحالي ({current}) أو للأسابيع الأربعة السابقة له.',
  'validation.invalid': 'هذه القيمة غير صالحة.',
  // Security edge (issue 12): rate limits, cross-site requests, request text.
  'errors.rate_limited':
    'لقد أرسلت عددًا كبيرًا جدًا من الطلبات. يُرجى الانتظار {seconds} ثانية ثم المحاولة مرة أخرى.',
  'errors.origin_refused': 'ورد هذا الطلب من موقع ويب آخر وتم رفضه.',
  'errors.invalid_encoding': 'نص الطلب ليس نصًا صالحًا بترميز UTF-8.',
  'errors.idempotency_key_reused':
    'سبق استخدام مفتاح Idempotency-Key هذا لعنصر آخر ({entity}). استخدم مفتاحًا جديدًا لطلب جديد.',
  'validation.invalid_characters': 'يحتوي هذا النص على أحرف لا يمكن حفظها (أحرف تالفة أو محجوزة).',
};
