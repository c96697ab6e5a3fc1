import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './locales/vi.json';
import en from './locales/en.json';

const saved = localStorage.getItem('tinhso.lang');
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: saved === 'en' ? 'en' : 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});
i18n.on('languageChanged', (lng) => {
  localStorage.setItem('tinhso.lang', lng);
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18n.language;
export default i18n;
