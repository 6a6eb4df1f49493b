import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NewPasswordPair } from '../../../renderer/components/NewPasswordPair';
import { PasswordField } from '../../../renderer/components/PasswordField';

const noop = () => undefined;

/** Reads the inputs out of rendered markup, and the texts each one is described by. */
function parse(markup: string) {
  const inputs = [...markup.matchAll(/<input ([^>]*)\/?>/g)].map((m) => m[1] ?? '');
  const attr = (input: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(input)?.[1];
  const textOf = (id: string) => new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(markup)?.[1];
  const described = (input: string) => (attr(input, 'aria-describedby') ?? '').split(' ').filter(Boolean).map(textOf);
  return { inputs, attr, described };
}

describe('PasswordField', () => {
  it.each(['current-password', 'new-password', 'off'] as const)('is a required, hidden input (autocomplete %s)', (autoComplete) => {
    const { inputs, attr, described } = parse(
      renderToStaticMarkup(<PasswordField label="Wachtwoord" value="geheim" onChange={noop} autoComplete={autoComplete} hint="De regels" error="Te kort" />),
    );
    expect(inputs).toHaveLength(1);
    const [input = ''] = inputs;
    expect(attr(input, 'type')).toBe('password');
    expect(input).toMatch(/\brequired=""/);
    expect(attr(input, 'autoComplete')).toBe(autoComplete);
    expect(attr(input, 'aria-invalid')).toBe('true');
    expect(described(input)).toEqual(['De regels', 'Te kort']);
  });
});

describe('NewPasswordPair', () => {
  it('gives both fields new-password, the rules to the first, and each its own error', () => {
    const markup = renderToStaticMarkup(
      <NewPasswordPair
        label="Wachtzin"
        repeatLabel="Wachtzin herhalen"
        hint="Minstens 10 tekens"
        value="een"
        repeat="twee"
        onChange={noop}
        onRepeatChange={noop}
        error={null}
        repeatError="Niet gelijk"
      />,
    );
    const { inputs, attr, described } = parse(markup);
    const [first = '', repeat = ''] = inputs;
    expect(inputs).toHaveLength(2);
    for (const input of inputs) {
      expect(attr(input, 'type')).toBe('password');
      expect(attr(input, 'autoComplete')).toBe('new-password');
    }
    expect(attr(first, 'value')).toBe('een');
    expect(attr(repeat, 'value')).toBe('twee');
    expect(described(first)).toEqual(['Minstens 10 tekens']);
    expect(attr(first, 'aria-invalid')).toBeUndefined();
    expect(described(repeat)).toEqual(['Niet gelijk']);
    expect(attr(repeat, 'aria-invalid')).toBe('true');
    expect(markup).toMatch(/<label for="[^"]+">Wachtzin<\/label>.*<label for="[^"]+">Wachtzin herhalen<\/label>/);
  });
});
