import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import type { Input } from '../../src-shared/api';
import type { SettingsView } from '../../src-shared/settings';
import { PORTAL_LANGUAGES, SMS_PROVIDERS } from '../../src-shared/settingsOptions';
import { Banner } from '../components/Banner';
import { Field } from '../components/Field';
import { SmsTestCard } from '../components/SmsTestCard';
import { GatewaySettings } from '../components/GatewaySettings';
import { SendMoneySettings } from '../components/SendMoneySettings';
import { DesktopSettings } from '../components/DesktopSettings';
import { PageHeader } from '../components/PageHeader';
import { SecretField, type SecretEdit } from '../components/SecretField';
import { useSubmit } from '../formErrors';
import { useSettingsStore } from '../stores/settingsStore';
import { messages, useT } from '../i18n';

/** The words of every settings field (labels, hints, units), looked up by key from the specs below. */
const F = messages(
  {
    shopName: 'Shop name',
    shopNameHint: 'Shown on the portal and printed on recharge cards.',
    supportPhone: 'Support phone',
    supportPhoneHint: 'A mobile number customers can call; empty = none.',
    notice: 'Notice on the portal',
    noticeHint: 'One short line, such as your opening hours.',
    colour: 'Colour',
    colourHint: 'The portal’s main colour.',
    timezone: 'Time zone',
    timezoneHint: 'Days and “Sales today” are counted in this zone, e.g. Asia/Dhaka.',
    serverAddress: 'This PC’s address for routers',
    serverAddressHint: 'Empty = detect automatically.',
    portalUrl: 'Portal URL',
    portalUrlHint: 'Empty = http://<this PC>:<portal port>.',
    acctInterval: 'Accounting interval (s)',
    acctIntervalHint: 'How often routers report usage, in seconds: 30–3600.',
    idleTimeout: 'Idle logout (s)',
    idleTimeoutHint: 'Seconds without traffic before a device is logged out; 0 = never.',
    portalOpensIn: 'Portal opens in',
    portalRequests: 'Portal requests per address per minute',
    portalRequestsHint: 'Keep it high: phones behind one router’s NAT share an address. 60–1,000,000.',
    portalPosts: 'Portal form posts per phone per minute',
    portalPostsHint: 'Counted by the device’s MAC address. 5–10,000.',
    maxFieldChars: 'Longest portal field (characters)',
    maxFieldCharsHint: 'What a customer can type in one field. 20–4000.',
    maxBodyKb: 'Largest portal form (KB)',
    maxBodyKbHint: '1–1024 KB.',
    otpTtl: 'Code valid for (s)',
    otpTtlHint: '60–1800 seconds.',
    otpAttempts: 'Tries per code',
    otpAttemptsHint: '1–10.',
    otpResend: 'Resend allowed after (s)',
    otpResendHint: '15–600 seconds.',
    perNumberHour: 'Codes per number per hour',
    perNumberDay: 'Codes per number per day',
    perMacHour: 'Codes per phone per hour',
    perMacHourHint: 'Counted by the device’s MAC address.',
    perIpHour: 'Codes per IP address per hour',
    pinAttempts: 'PIN tries before locking',
    pinLock: 'PIN lock (minutes)',
    smsProvider: 'SMS gateway',
    providerOutbox: 'None (outbox only)',
    providerHttp: 'Any HTTP SMS gateway',
    senderId: 'Sender ID',
    senderIdHint: 'The name or number the SMS comes from, as your gateway registered it.',
    lowBalance: 'Warn when the SMS balance is below (৳)',
    lowBalanceHint: '0 = never warn.',
    httpMethod: 'HTTP method',
    gatewayUrl: 'Gateway URL',
    bodyTemplate: 'Body template',
    bodyTemplateHint: 'With {to}, {text}, {apiKey} and {senderId} where they go.',
    bodyFormat: 'Body format',
    formFields: 'Form fields',
    numberFormat: 'Number written as',
    successContains: 'Reply text that means sent',
    successContainsHint: 'Empty = any 2xx reply.',
    codeHint: 'Empty = the built-in text. Put {code} where the code goes; {shop} is the shop name.',
    otpEn: 'Sign-in code text (English)',
    otpBn: 'Sign-in code text (Bangla)',
    pinResetEn: 'PIN reset text (English)',
    pinResetBn: 'PIN reset text (Bangla)',
    receiptEn: 'Receipt text (English)',
    receiptBn: 'Receipt text (Bangla)',
    receiptHint: 'Empty = the built-in text. {shop} {package} {until} {amount}.',
    freeEnabled: 'Free minutes to pay',
    freeEnabledHint: 'Phones without a package can go online briefly to pay in the bKash or Nagad app, once a day each.',
    freeMinutes: 'Free minutes',
    freeMinutesHint: '1–30 minutes.',
    freeRate: 'Speed (upload/download)',
    freeRateHint: 'Slow enough that it is only good for paying, e.g. 256k/256k.',
    freeCap: 'Data allowed (MB)',
    freeCapHint: '1–200 MB.',
    adminLanguage: 'Language of this app',
    adminLanguageHint: 'For everyone who has not picked a language with the switch under the menu.',
    clock: 'Time format',
    clockHint: 'Dates are always day/month/year.',
    clock24: '24-hour (14:05)',
    clock12: '12-hour (2:05 pm)',
    seconds: 'seconds',
    requests: 'requests',
    posts: 'posts',
    characters: 'characters',
    kb: 'KB',
    tries: 'tries',
    codes: 'codes',
    minutes: 'minutes',
    taka: 'taka',
    mb: 'MB',
  },
  {
    shopName: 'দোকানের নাম',
    shopNameHint: 'পোর্টালে দেখানো হয় এবং রিচার্জ কার্ডে ছাপা হয়।',
    supportPhone: 'সাহায্যের ফোন',
    supportPhoneHint: 'গ্রাহকেরা যে মোবাইল নম্বরে কল করতে পারেন; খালি = নেই।',
    notice: 'পোর্টালের নোটিশ',
    noticeHint: 'ছোট এক লাইন, যেমন দোকান খোলার সময়।',
    colour: 'রং',
    colourHint: 'পোর্টালের প্রধান রং।',
    timezone: 'সময় অঞ্চল',
    timezoneHint: 'দিন আর “আজকের বিক্রি” এই অঞ্চলের সময়ে গোনা হয়, যেমন Asia/Dhaka।',
    serverAddress: 'রাউটারের জন্য এই পিসির ঠিকানা',
    serverAddressHint: 'খালি = নিজে থেকে খুঁজে নেবে।',
    portalUrl: 'পোর্টালের ঠিকানা (URL)',
    portalUrlHint: 'খালি = http://<এই পিসি>:<পোর্টালের পোর্ট>।',
    acctInterval: 'হিসাব পাঠানোর বিরতি (সেকেন্ড)',
    acctIntervalHint: 'রাউটার কত সেকেন্ড পরপর ব্যবহারের হিসাব পাঠাবে: ৩০–৩৬০০।',
    idleTimeout: 'অলস থাকলে লগ আউট (সেকেন্ড)',
    idleTimeoutHint: 'কত সেকেন্ড কোনো ডেটা না চললে ডিভাইস লগ আউট হবে; ০ = কখনো না।',
    portalOpensIn: 'পোর্টাল খুলবে যে ভাষায়',
    portalRequests: 'প্রতি ঠিকানা থেকে মিনিটে পোর্টাল অনুরোধ',
    portalRequestsHint: 'বেশি রাখুন: একটি রাউটারের NAT-এর পেছনের ফোনগুলো একই ঠিকানা ব্যবহার করে। ৬০–১০,০০,০০০।',
    portalPosts: 'প্রতি ফোন থেকে মিনিটে পোর্টাল ফর্ম জমা',
    portalPostsHint: 'ডিভাইসের MAC ঠিকানা দিয়ে গোনা হয়। ৫–১০,০০০।',
    maxFieldChars: 'পোর্টালের সবচেয়ে লম্বা ঘর (অক্ষর)',
    maxFieldCharsHint: 'একটি ঘরে গ্রাহক কতটুকু লিখতে পারবেন। ২০–৪০০০।',
    maxBodyKb: 'পোর্টালের সবচেয়ে বড় ফর্ম (KB)',
    maxBodyKbHint: '১–১০২৪ KB।',
    otpTtl: 'কোড কতক্ষণ চলবে (সেকেন্ড)',
    otpTtlHint: '৬০–১৮০০ সেকেন্ড।',
    otpAttempts: 'প্রতি কোডে কতবার চেষ্টা',
    otpAttemptsHint: '১–১০।',
    otpResend: 'কতক্ষণ পরে আবার পাঠানো যাবে (সেকেন্ড)',
    otpResendHint: '১৫–৬০০ সেকেন্ড।',
    perNumberHour: 'প্রতি নম্বরে ঘণ্টায় কোড',
    perNumberDay: 'প্রতি নম্বরে দিনে কোড',
    perMacHour: 'প্রতি ফোনে ঘণ্টায় কোড',
    perMacHourHint: 'ডিভাইসের MAC ঠিকানা দিয়ে গোনা হয়।',
    perIpHour: 'প্রতি IP ঠিকানায় ঘণ্টায় কোড',
    pinAttempts: 'পিন আটকানোর আগে কতবার চেষ্টা',
    pinLock: 'পিন আটকে থাকবে (মিনিট)',
    smsProvider: 'এসএমএস গেটওয়ে',
    providerOutbox: 'কোনোটি নয় (শুধু আউটবক্স)',
    providerHttp: 'যেকোনো HTTP এসএমএস গেটওয়ে',
    senderId: 'প্রেরকের আইডি',
    senderIdHint: 'যে নাম বা নম্বর থেকে এসএমএস যাবে, আপনার গেটওয়েতে যেভাবে নিবন্ধিত।',
    lowBalance: 'এসএমএস ব্যালান্স এর নিচে নামলে সতর্ক করুন (৳)',
    lowBalanceHint: '০ = কখনো সতর্ক করবে না।',
    httpMethod: 'HTTP পদ্ধতি',
    gatewayUrl: 'গেটওয়ের ঠিকানা (URL)',
    bodyTemplate: 'বডির নমুনা',
    bodyTemplateHint: 'যেখানে যা বসবে সেখানে {to}, {text}, {apiKey} আর {senderId} লিখুন।',
    bodyFormat: 'বডির ধরন',
    formFields: 'ফর্ম ফিল্ড',
    numberFormat: 'নম্বর যেভাবে লেখা হবে',
    successContains: 'পাঠানো হয়েছে বোঝায় এমন উত্তর',
    successContainsHint: 'খালি = যেকোনো 2xx উত্তর।',
    codeHint: 'খালি = নিজস্ব লেখা। কোড যেখানে বসবে সেখানে {code} লিখুন; {shop} হলো দোকানের নাম।',
    otpEn: 'সাইন-ইন কোডের লেখা (ইংরেজি)',
    otpBn: 'সাইন-ইন কোডের লেখা (বাংলা)',
    pinResetEn: 'পিন বদলানোর লেখা (ইংরেজি)',
    pinResetBn: 'পিন বদলানোর লেখা (বাংলা)',
    receiptEn: 'রসিদের লেখা (ইংরেজি)',
    receiptBn: 'রসিদের লেখা (বাংলা)',
    receiptHint: 'খালি = নিজস্ব লেখা। {shop} {package} {until} {amount}।',
    freeEnabled: 'টাকা দেওয়ার জন্য ফ্রি মিনিট',
    freeEnabledHint: 'প্যাকেজ নেই এমন ফোন বিকাশ বা নগদ অ্যাপে টাকা দিতে অল্প সময়ের জন্য অনলাইনে যেতে পারবে, প্রতি ফোনে দিনে একবার।',
    freeMinutes: 'ফ্রি মিনিট',
    freeMinutesHint: '১–৩০ মিনিট।',
    freeRate: 'গতি (আপলোড/ডাউনলোড)',
    freeRateHint: 'এতটাই ধীর যে শুধু টাকা দেওয়া যায়, যেমন 256k/256k।',
    freeCap: 'কত ডেটা দেওয়া হবে (MB)',
    freeCapHint: '১–২০০ MB।',
    adminLanguage: 'এই অ্যাপের ভাষা',
    adminLanguageHint: 'মেনুর নিচের বোতাম দিয়ে যিনি নিজের ভাষা বেছে নেননি, তাঁর জন্য।',
    clock: 'সময় দেখানোর ধরন',
    clockHint: 'তারিখ সবসময় দিন/মাস/বছর।',
    clock24: '২৪ ঘণ্টা (১৪:০৫)',
    clock12: '১২ ঘণ্টা (২:০৫ পিএম)',
    seconds: 'সেকেন্ড',
    requests: 'অনুরোধ',
    posts: 'ফর্ম জমা',
    characters: 'অক্ষর',
    kb: 'কিলোবাইট',
    tries: 'চেষ্টা',
    codes: 'কোড',
    minutes: 'মিনিট',
    taka: 'টাকা',
    mb: 'মেগাবাইট',
  },
);
type Words = (typeof F)['en'];
type WordKey = keyof Words;

type Kind =
  | { type: 'text'; max?: number; mono?: boolean; placeholder?: string; input?: 'color' | 'tel' | 'url' }
  | { type: 'int'; unit: WordKey }
  | { type: 'onOff' }
  // An option's label is a word key, or (a name, a number format) shown as it is.
  | { type: 'select'; options: ReadonlyArray<readonly [value: string, label: WordKey | { as: string }]> };

/** One editable field, named by its dotted path in the settings (also the API's error field). */
interface Spec {
  path: string;
  label: WordKey;
  hint?: WordKey;
  kind: Kind;
}

const text = (max: number, more: Omit<Extract<Kind, { type: 'text' }>, 'type' | 'max'> = {}): Kind => ({ type: 'text', max, ...more });
const int = (unit: WordKey): Kind => ({ type: 'int', unit });

const SHOP: Spec[] = [
  { path: 'shop.name', label: 'shopName', hint: 'shopNameHint', kind: text(60) },
  { path: 'shop.supportPhone', label: 'supportPhone', hint: 'supportPhoneHint', kind: text(20, { input: 'tel', placeholder: '01712345678' }) },
  { path: 'shop.notice', label: 'notice', hint: 'noticeHint', kind: text(200) },
  { path: 'shop.colour', label: 'colour', hint: 'colourHint', kind: text(7, { input: 'color' }) },
  { path: 'shop.timezone', label: 'timezone', hint: 'timezoneHint', kind: text(64) },
];

// The admin app's own language and clock (the setup wizard's first step sets them too).
const DISPLAY: Spec[] = [
  { path: 'display.language', label: 'adminLanguage', hint: 'adminLanguageHint', kind: { type: 'select', options: [['en', { as: 'English' }], ['bn', { as: 'বাংলা (Bangla)' }]] } },
  { path: 'display.clock', label: 'clock', hint: 'clockHint', kind: { type: 'select', options: [['24h', 'clock24'], ['12h', 'clock12']] } },
];

const NETWORK: Spec[] = [
  { path: 'network.serverAddress', label: 'serverAddress', hint: 'serverAddressHint', kind: text(253, { mono: true, placeholder: '192.168.88.10' }) },
  { path: 'network.portalUrl', label: 'portalUrl', hint: 'portalUrlHint', kind: text(300, { mono: true, placeholder: 'http://192.168.88.10:8080', input: 'url' }) },
  { path: 'network.acctInterimInterval', label: 'acctInterval', hint: 'acctIntervalHint', kind: int('seconds') },
  { path: 'network.idleTimeout', label: 'idleTimeout', hint: 'idleTimeoutHint', kind: int('seconds') },
];

// Each language by its own name, whatever the admin language (the owner picks what customers read).
const LANGUAGE_NAMES: Record<(typeof PORTAL_LANGUAGES)[number], string> = { en: 'English', bn: 'বাংলা (Bangla)' };
const PORTAL: Spec[] = [
  { path: 'portal.defaultLanguage', label: 'portalOpensIn', kind: { type: 'select', options: PORTAL_LANGUAGES.map((l) => [l, { as: LANGUAGE_NAMES[l] }] as const) } },
  { path: 'portal.requestsPerAddressPerMinute', label: 'portalRequests', hint: 'portalRequestsHint', kind: int('requests') },
  { path: 'portal.formPostsPerMacPerMinute', label: 'portalPosts', hint: 'portalPostsHint', kind: int('posts') },
  { path: 'portal.maxFieldChars', label: 'maxFieldChars', hint: 'maxFieldCharsHint', kind: int('characters') },
  { path: 'portal.maxBodyKb', label: 'maxBodyKb', hint: 'maxBodyKbHint', kind: int('kb') },
];

const OTP: Spec[] = [
  { path: 'otp.ttlSeconds', label: 'otpTtl', hint: 'otpTtlHint', kind: int('seconds') },
  { path: 'otp.maxAttempts', label: 'otpAttempts', hint: 'otpAttemptsHint', kind: int('tries') },
  { path: 'otp.resendAfterSeconds', label: 'otpResend', hint: 'otpResendHint', kind: int('seconds') },
  { path: 'otp.perNumberPerHour', label: 'perNumberHour', kind: int('codes') },
  { path: 'otp.perNumberPerDay', label: 'perNumberDay', kind: int('codes') },
  { path: 'otp.perMacPerHour', label: 'perMacHour', hint: 'perMacHourHint', kind: int('codes') },
  { path: 'otp.perIpPerHour', label: 'perIpHour', kind: int('codes') },
  { path: 'otp.pinMaxAttempts', label: 'pinAttempts', kind: int('tries') },
  { path: 'otp.pinLockMinutes', label: 'pinLock', kind: int('minutes') },
];

const PROVIDER_NAMES: Record<(typeof SMS_PROVIDERS)[number], WordKey | { as: string }> = {
  outbox: 'providerOutbox',
  http: 'providerHttp',
  bulksmsbd: { as: 'BulkSMSBD' },
  sslwireless: { as: 'SSL Wireless' },
};
const SMS: Spec[] = [
  { path: 'sms.provider', label: 'smsProvider', kind: { type: 'select', options: SMS_PROVIDERS.map((p) => [p, PROVIDER_NAMES[p]] as const) } },
  { path: 'sms.senderId', label: 'senderId', hint: 'senderIdHint', kind: text(20) },
  { path: 'sms.lowBalanceWarnAt', label: 'lowBalance', hint: 'lowBalanceHint', kind: int('taka') },
];
const SMS_HTTP: Spec[] = [
  { path: 'sms.http.method', label: 'httpMethod', kind: { type: 'select', options: [['GET', { as: 'GET' }], ['POST', { as: 'POST' }]] } },
  { path: 'sms.http.url', label: 'gatewayUrl', kind: text(300, { mono: true, placeholder: 'https://sms.example.com/send', input: 'url' }) },
  { path: 'sms.http.bodyTemplate', label: 'bodyTemplate', hint: 'bodyTemplateHint', kind: text(2000, { mono: true }) },
  { path: 'sms.http.contentType', label: 'bodyFormat', kind: { type: 'select', options: [['form', 'formFields'], ['json', { as: 'JSON' }]] } },
  {
    path: 'sms.http.numberFormat',
    label: 'numberFormat',
    kind: { type: 'select', options: [['880', { as: '8801712345678' }], ['e164', { as: '+8801712345678' }], ['local', { as: '01712345678' }]] },
  },
  { path: 'sms.http.successContains', label: 'successContains', hint: 'successContainsHint', kind: text(200) },
];

// The placeholders are examples of the SMS itself, in the language the text is for.
const SMS_TEXTS: Spec[] = [
  { path: 'sms.templates.otpEn', label: 'otpEn', hint: 'codeHint', kind: text(300, { placeholder: 'Your {shop} WiFi code is {code}. It expires in 5 minutes.' }) },
  { path: 'sms.templates.otpBn', label: 'otpBn', hint: 'codeHint', kind: text(300, { placeholder: '{shop} WiFi কোড {code}। ৫ মিনিটের মধ্যে ব্যবহার করুন।' }) },
  { path: 'sms.templates.pinResetEn', label: 'pinResetEn', hint: 'codeHint', kind: text(300) },
  { path: 'sms.templates.pinResetBn', label: 'pinResetBn', hint: 'codeHint', kind: text(300) },
  { path: 'sms.templates.receiptEn', label: 'receiptEn', hint: 'receiptHint', kind: text(300) },
  { path: 'sms.templates.receiptBn', label: 'receiptBn', hint: 'receiptHint', kind: text(300) },
];

// Off by default: free internet is the owner's choice (issue #10).
const FREE_MINUTES: Spec[] = [
  { path: 'freeMinutes.enabled', label: 'freeEnabled', hint: 'freeEnabledHint', kind: { type: 'onOff' } },
  { path: 'freeMinutes.minutes', label: 'freeMinutes', hint: 'freeMinutesHint', kind: int('minutes') },
  { path: 'freeMinutes.rateLimit', label: 'freeRate', hint: 'freeRateHint', kind: text(40, { mono: true, placeholder: '256k/256k' }) },
  { path: 'freeMinutes.dataCapMb', label: 'freeCap', hint: 'freeCapHint', kind: int('mb') },
];

const M = messages(
  {
    title: 'Settings',
    runSetup: 'Run setup again',
    loading: 'Loading…',
    payments: 'Payments',
    fileUnreadable: 'That file could not be read.',
    wholeNumber: (unit: string) => `Enter a whole number of ${unit}.`,
    enterShopName: 'Enter the shop name shown to customers.',
    chooseLanguage: 'Choose at least one language for the portal.',
    off: 'Off',
    on: 'On',
    saved: 'Settings saved.',
    shop: 'Shop',
    currency: 'Currency',
    currencyValue: (code: string) => `${code} (৳ taka)`,
    logo: 'Logo',
    logoHint: 'A PNG, JPEG, WebP or SVG image up to 48 KB, shown on the portal.',
    logoPreview: 'Logo preview',
    removeLogo: 'Remove logo',
    display: 'Display',
    network: 'Network',
    portal: 'Portal',
    portalLanguages: 'Languages on the portal',
    otp: 'Sign-in codes (SMS OTP)',
    smsGateway: 'SMS gateway',
    apiKey: 'API key',
    apiKeyHint: 'Kept encrypted on this PC; never shown again.',
    texts: 'Texts to customers',
    freeMinutes: 'Free minutes to pay',
    save: 'Save settings',
  },
  {
    title: 'সেটিংস',
    runSetup: 'আবার সেটআপ চালান',
    loading: 'লোড হচ্ছে…',
    payments: 'পেমেন্ট',
    fileUnreadable: 'ফাইলটি পড়া গেল না।',
    wholeNumber: (unit) => `${unit}-এর একটি পূর্ণ সংখ্যা লিখুন।`,
    enterShopName: 'গ্রাহকদের দেখানোর জন্য দোকানের নাম লিখুন।',
    chooseLanguage: 'পোর্টালের জন্য অন্তত একটি ভাষা বেছে নিন।',
    off: 'বন্ধ',
    on: 'চালু',
    saved: 'সেটিংস সেভ হয়েছে।',
    shop: 'দোকান',
    currency: 'মুদ্রা',
    currencyValue: (code) => `${code} (৳ টাকা)`,
    logo: 'লোগো',
    logoHint: '৪৮ KB পর্যন্ত একটি PNG, JPEG, WebP বা SVG ছবি, পোর্টালে দেখানো হয়।',
    logoPreview: 'লোগোর নমুনা',
    removeLogo: 'লোগো সরান',
    display: 'প্রদর্শন',
    network: 'নেটওয়ার্ক',
    portal: 'পোর্টাল',
    portalLanguages: 'পোর্টালের ভাষা',
    otp: 'সাইন-ইন কোড (এসএমএস OTP)',
    smsGateway: 'এসএমএস গেটওয়ে',
    apiKey: 'API কী',
    apiKeyHint: 'এই পিসিতে এনক্রিপ্ট করে রাখা হয়; আর কখনো দেখানো হবে না।',
    texts: 'গ্রাহকদের কাছে যাওয়া লেখা',
    freeMinutes: 'টাকা দেওয়ার জন্য ফ্রি মিনিট',
    save: 'সেটিংস সেভ করুন',
  },
);

const SPECS = [...SHOP, ...DISPLAY, ...NETWORK, ...PORTAL, ...OTP, ...SMS, ...SMS_HTTP, ...SMS_TEXTS, ...FREE_MINUTES];
const FIELDS = [...SPECS.map((s) => s.path), 'shop.logo', 'portal.languages', 'sms.apiKey'];

function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys.at(-1)!] = value;
}

function formValues(s: SettingsView): Record<string, string> {
  return Object.fromEntries(SPECS.map((spec) => [spec.path, String(getPath(s, spec.path) ?? '')]));
}

export function SettingsPage() {
  const { settings, error, load } = useSettingsStore();
  const t = useT(M);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <PageHeader title={t.title}>
        <a className="btn" href="#/setup">
          {t.runSetup}
        </a>
      </PageHeader>
      {error ? <Banner>{error}</Banner> : null}
      {settings ? <SettingsForm settings={settings} /> : <p className="muted">{t.loading}</p>}
      {settings ? <SmsTestCard /> : null}
      {settings ? <DesktopSettings settings={settings} /> : null}
      {settings ? (
        <section aria-labelledby="payments-settings">
          <h2 id="payments-settings" className="section-title">
            {t.payments}
          </h2>
          <GatewaySettings />
          <SendMoneySettings settings={settings} />
        </section>
      ) : null}
    </>
  );
}

function SettingsForm({ settings }: { settings: SettingsView }) {
  const { update } = useSettingsStore();
  const [values, setValues] = useState(() => formValues(settings));
  const [languages, setLanguages] = useState<string[]>(settings.portal.languages);
  const [logo, setLogo] = useState(settings.shop.logo);
  const [apiKey, setApiKey] = useState<SecretEdit>({ kind: 'keep' });
  const [saved, setSaved] = useState(false);
  const { busy, errors, submit, clear, setErrors } = useSubmit(FIELDS, 'settings.update');
  const t = useT(M);
  const w = useT(F);
  const changed = () => setSaved(false);
  const set = (path: string, v: string) => {
    changed();
    setValues({ ...values, [path]: v });
  };

  function onLogo(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    // Read as a data: URL, the form the engine stores; it checks the size and type.
    const reader = new FileReader();
    reader.onload = () => {
      changed();
      setLogo(String(reader.result));
    };
    reader.onerror = () => setErrors({ fields: { 'shop.logo': t.fileUnreadable }, banner: null });
    reader.readAsDataURL(file);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    // Send only what changed, so a save never rewrites settings another window just changed.
    const patch: Record<string, unknown> = {};
    for (const spec of SPECS) {
      const raw = values[spec.path] ?? '';
      let v: string | number | boolean = spec.kind.type === 'text' ? raw.trim() : raw;
      if (spec.kind.type === 'onOff') v = raw === 'true';
      if (spec.kind.type === 'int') {
        if (!/^\d+$/.test(raw.trim())) local[spec.path] = t.wholeNumber(w[spec.kind.unit]);
        v = Number(raw.trim());
      }
      if (getPath(settings, spec.path) !== v) setPath(patch, spec.path, v);
    }
    if (!values['shop.name']?.trim()) local['shop.name'] = t.enterShopName;
    if (languages.length === 0) local['portal.languages'] = t.chooseLanguage;
    if (languages.join() !== settings.portal.languages.join()) setPath(patch, 'portal.languages', languages);
    if (logo !== settings.shop.logo) setPath(patch, 'shop.logo', logo);
    if (apiKey.kind === 'replace') setPath(patch, 'sms.apiKey', apiKey.value);
    if (apiKey.kind === 'clear') setPath(patch, 'sms.apiKey', null);
    if (Object.keys(patch).length === 0 && Object.keys(local).length === 0) {
      setSaved(true);
      return;
    }
    const input = patch as Input<'settings.update'>;
    const r = await submit(local, () => update(input), input);
    if (r) {
      // Show what was saved (the engine normalises phones, colours and zone names).
      setValues(formValues(r));
      setLanguages(r.portal.languages);
      setLogo(r.shop.logo);
      setApiKey({ kind: 'keep' });
      setSaved(true);
    }
  }

  const field = (spec: Spec) => {
    const v = values[spec.path] ?? '';
    const onChange = (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set(spec.path, e.target.value);
    const k = spec.kind;
    const control =
      k.type === 'onOff' ? (
        <select value={v} onChange={onChange}>
          <option value="false">{t.off}</option>
          <option value="true">{t.on}</option>
        </select>
      ) : k.type === 'select' ? (
        <select value={v} onChange={onChange}>
          {k.options.map(([value, label]) => (
            <option key={value} value={value}>
              {typeof label === 'string' ? w[label] : label.as}
            </option>
          ))}
        </select>
      ) : k.type === 'int' ? (
        <input inputMode="numeric" value={v} onChange={onChange} />
      ) : (
        <input type={k.input ?? 'text'} className={k.mono ? 'mono' : undefined} value={v} onChange={onChange} maxLength={k.max} placeholder={k.placeholder} />
      );
    return (
      <Field key={spec.path} label={w[spec.label]} error={errors.fields[spec.path]} hint={spec.hint ? w[spec.hint] : undefined}>
        {control}
      </Field>
    );
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label={t.title}>
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      {saved ? <Banner kind="success">{t.saved}</Banner> : null}
      <h2>{t.shop}</h2>
      <div className="form-grid">
        {SHOP.map(field)}
        <Field label={t.currency}>
          <input value={t.currencyValue(settings.shop.currency)} readOnly disabled />
        </Field>
        <Field label={t.logo} error={errors.fields['shop.logo']} hint={t.logoHint}>
          <input type="file" accept="image/png,image/jpeg,image/webp,image/svg+xml" onChange={onLogo} />
        </Field>
        {logo ? (
          <div className="field">
            <img src={logo} alt={t.logoPreview} style={{ maxHeight: 48, maxWidth: 160 }} />
            <button type="button" className="btn btn-small" onClick={() => (changed(), setLogo(''))}>
              {t.removeLogo}
            </button>
          </div>
        ) : null}
      </div>
      <h2>{t.display}</h2>
      <div className="form-grid">{DISPLAY.map(field)}</div>
      <h2>{t.network}</h2>
      <div className="form-grid">{NETWORK.map(field)}</div>
      <h2>{t.portal}</h2>
      <div className="form-grid">
        <fieldset className="checks" aria-describedby="portal-languages-msg">
          <legend>{t.portalLanguages}</legend>
          {PORTAL_LANGUAGES.map((l) => (
            <label key={l} className="check">
              <input
                type="checkbox"
                checked={languages.includes(l)}
                onChange={(e) => {
                  changed();
                  setLanguages(e.target.checked ? PORTAL_LANGUAGES.filter((x) => x === l || languages.includes(x)) : languages.filter((x) => x !== l));
                }}
              />
              {LANGUAGE_NAMES[l]}
            </label>
          ))}
          {errors.fields['portal.languages'] ? (
            <div className="field-error" id="portal-languages-msg" role="alert">
              {errors.fields['portal.languages']}
            </div>
          ) : null}
        </fieldset>
        {PORTAL.map(field)}
      </div>
      <h2>{t.otp}</h2>
      <div className="form-grid">{OTP.map(field)}</div>
      <h2>{t.smsGateway}</h2>
      <div className="form-grid">
        {SMS.map(field)}
        <SecretField
          label={t.apiKey}
          isSet={settings.sms.hasApiKey}
          edit={apiKey}
          onChange={(edit) => (changed(), setApiKey(edit))}
          error={errors.fields['sms.apiKey']}
          hint={t.apiKeyHint}
        />
        {values['sms.provider'] === 'http' ? SMS_HTTP.map(field) : null}
      </div>
      <h2>{t.texts}</h2>
      <div className="form-grid">{SMS_TEXTS.map(field)}</div>
      <h2>{t.freeMinutes}</h2>
      <div className="form-grid">{FREE_MINUTES.map(field)}</div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t.save}
        </button>
      </div>
    </form>
  );
}
