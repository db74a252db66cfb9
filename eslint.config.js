import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', 'tests/fixtures/**', '.bench/**', 'reports/**', '.stryker-tmp/**']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['src/ui/**/*.{ts,tsx}', 'tests/ui/**/*.{ts,tsx}'],
		plugins: {'react-hooks': reactHooks},
		rules: reactHooks.configs.recommended.rules,
	},
	{
		languageOptions: {
			globals: {
				process: 'readonly',
				console: 'readonly',
				setTimeout: 'readonly',
				clearTimeout: 'readonly',
				setInterval: 'readonly',
				clearInterval: 'readonly',
				setImmediate: 'readonly',
				Buffer: 'readonly',
				URL: 'readonly',
			},
		},
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
			'no-control-regex': 'off',
			'no-misleading-character-class': 'off',
		},
	},
);
