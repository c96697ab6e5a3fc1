import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

export interface CategoryOption { code: string; nameVi: string; nameEn?: string }
export interface Category { code: string; nameVi: string; nameEn: string; options: CategoryOption[] }
export interface Combo { code: string; nameVi: string; nameEn: string; categories: Category[]; combinations: { code: string }[] }
export interface ComboInput { code: string; nameVi: string; nameEn: string; categories: (Omit<Category, 'options'> & { options: Required<CategoryOption>[] })[] }

export const categoryComboKeys = {
  all: ['category-combos'] as const,
  list: () => [...categoryComboKeys.all, 'list'] as const,
};

export const categoryCombosQuery = () => queryOptions({ queryKey: categoryComboKeys.list(), queryFn: () => api<Combo[]>('/api/category-combos') });

export const createCategoryCombo = (body: ComboInput) => api('/api/category-combos', { method: 'POST', body });
