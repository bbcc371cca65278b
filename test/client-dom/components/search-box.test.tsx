import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import { MAX_SEARCH_LENGTH, SearchBox } from '../../../client/src/components/SearchBox';

function Harness({ onSubmit, submitLabel }: { onSubmit?: (text: string) => void; submitLabel?: string }) {
  const [text, setText] = useState('');
  return (
    <SearchBox
      value={text}
      onChange={setText}
      {...(onSubmit ? { onSubmit } : {})}
      {...(submitLabel ? { submitLabel } : {})}
      label="Search titles"
      placeholder="Titles"
      testId="box"
    />
  );
}

describe('SearchBox', () => {
  test('Enter settles on the typed words without the spaces around them', () => {
    const settled: string[] = [];
    render(<Harness onSubmit={(text) => settled.push(text)} submitLabel="Search" />);
    const input = screen.getByRole('searchbox', { name: 'Search titles' });
    fireEvent.change(input, { target: { value: '  star wa ' } });
    fireEvent.submit(input);
    expect(settled).toEqual(['star wa']);
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(settled).toEqual(['star wa', 'star wa']);
  });

  test('holds at most what the API accepts, and has no button when results come as you type', () => {
    render(<Harness />);
    const input = screen.getByRole('searchbox', { name: 'Search titles' });
    expect(input.getAttribute('maxlength')).toBe(String(MAX_SEARCH_LENGTH));
    expect(screen.queryByRole('button')).toBeNull();
    // Enter without a submit handler keeps the page (no navigation, the text stays).
    fireEvent.change(input, { target: { value: 'beach' } });
    fireEvent.submit(input);
    expect((input as HTMLInputElement).value).toBe('beach');
  });
});
