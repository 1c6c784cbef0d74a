import { useState } from 'react';
import { categoryImage } from '../lib/categories';

interface ProductImageProps {
  imageUrl?: string | null;
  category: string;
  alt: string;
  className?: string;
  eager?: boolean;
}

/** The product's own picture, or its category's illustration when there is none or it fails to load. */
export function ProductImage({ imageUrl, category, alt, className, eager }: ProductImageProps) {
  const fallback = categoryImage(category);
  const preferred = imageUrl?.trim() ? imageUrl.trim() : fallback;
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const src = failedSrc === preferred ? fallback : preferred;

  return (
    <img
      className={className}
      src={src}
      alt={alt}
      width="400"
      height="300"
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      onError={() => {
        if (src !== fallback) setFailedSrc(preferred);
      }}
    />
  );
}
