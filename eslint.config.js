import tseslint from 'typescript-eslint';
import tinhso from './eslint/module-boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', '.build/**', 'data/**', 'scratch/**', 'bench/out/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { tinhso },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
      'tinhso/module-boundaries': 'error',
    },
  },
);
